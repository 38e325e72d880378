# Picks 30 canonical comparison pages per language (no redirect stubs) for an editorial review round:
#   python3 docs/reviews/pick.py SITE SEED_EN SEED_JA OUTDIR   (writes OUTDIR/pages-en.txt, pages-ja.txt)
import random,glob,sys,os
site,seed_en,seed_ja,out=sys.argv[1],int(sys.argv[2]),int(sys.argv[3]),sys.argv[4]
os.chdir(site)
for lang,seed in (('en',seed_en),('ja',seed_ja)):
    pages=[p for p in sorted(glob.glob(f'{lang}/*/*-vs-*/index.html')) if 'http-equiv="refresh"' not in open(p,encoding='utf-8').read(2000)]
    r=random.Random(seed); pick=sorted(r.sample(pages,30))
    open(f'{out}/pages-{lang}.txt','w').write('\n'.join(pick)+'\n')
    print(lang,len(pages),' '.join(p.split('/')[2] for p in pick))
