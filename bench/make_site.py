#!/usr/bin/env python3
"""Generate a synthetic SMTP reply-code dataset and two equivalent site sources.

Usage: bench/make_site.py N OUTDIR [--seed S] [--project DIR]

Writes, under OUTDIR:
  dataset.json  the generated dataset (both locales), for reference
  versus/       a Versus project in the repository's content format (docs/CONTENT-FORMAT.md):
                content/site.yaml and content/smtp/<code>[.ja].yaml; with --project DIR also
                DIR's templates/, locales/ and content/smtp/_family*.yaml (with a codePattern
                that takes every code of the dataset), so that it builds
  hugo/         a Hugo 0.111 site (data files, one stub page per code and per pair, i18n,
                layouts)

Both render, for each locale (en, ja):
  /<locale>/smtp/<a>-vs-<b>/index.html  for each unordered pair a < b
  /<locale>/smtp/<code>/index.html      for each code
  /<locale>/index.html                  index listing all codes (Versus: its home page, plus
                                        the family index /<locale>/smtp/)
plus /index.html, a redirect to the default locale. Versus also writes what it always writes
(redirects from b-vs-a, JSON, search index, sitemap).

Output is deterministic: the same N and seed give byte-identical files, and a
code's texts depend only on (seed, code), not on N.  Standard library only.

Taken from ../shared/bench/make_site.py (issue 14), without its Eleventy site. When the content
format changes, update versus_code_yaml below (one entry per field).
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

LOCALES = ["en", "ja"]
DEFAULT_LOCALE = "en"
SITE_TITLE = "Versus"
BASE_URL = "https://versus.example.org/"
MAX_PER_CLASS = 100  # x00..x99

CLASSES = {
    "en": {2: "Positive Completion", 3: "Positive Intermediate",
           4: "Transient Negative", 5: "Permanent Negative"},
    "ja": {2: "肯定完了", 3: "肯定中間", 4: "一時的否定", 5: "恒久的否定"},
}

COMMANDS = ["CONNECT", "EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY",
            "EXPN", "HELP", "NOOP", "QUIT", "AUTH", "STARTTLS"]

# Real SMTP reply codes (used first, in this order, for each class).
REAL = {
    211: ("System status", "システムステータス"),
    214: ("Help message", "ヘルプメッセージ"),
    220: ("Service ready", "サービス準備完了"),
    221: ("Service closing transmission channel", "サービスが伝送チャネルを閉じています"),
    235: ("Authentication succeeded", "認証成功"),
    250: ("Requested mail action okay, completed", "要求されたメール操作は正常に完了しました"),
    251: ("User not local; will forward", "ユーザーはローカルにいないため転送します"),
    252: ("Cannot verify user, but will accept message", "ユーザーを確認できませんがメッセージを受け付けます"),
    334: ("Server challenge", "サーバーチャレンジ"),
    354: ("Start mail input", "メール入力を開始してください"),
    421: ("Service not available, closing transmission channel", "サービスを利用できないため伝送チャネルを閉じます"),
    450: ("Mailbox unavailable", "メールボックスを利用できません"),
    451: ("Local error in processing", "処理中にローカルエラーが発生しました"),
    452: ("Insufficient system storage", "システムの記憶領域が不足しています"),
    454: ("Temporary authentication failure", "一時的な認証エラー"),
    455: ("Server unable to accommodate parameters", "サーバーはパラメーターに対応できません"),
    500: ("Syntax error, command unrecognized", "構文エラー、コマンドを認識できません"),
    501: ("Syntax error in parameters or arguments", "パラメーターまたは引数の構文エラー"),
    502: ("Command not implemented", "コマンドは実装されていません"),
    503: ("Bad sequence of commands", "コマンドの順序が正しくありません"),
    504: ("Command parameter not implemented", "コマンドパラメーターは実装されていません"),
    521: ("Host does not accept mail", "ホストはメールを受け付けません"),
    530: ("Authentication required", "認証が必要です"),
    534: ("Authentication mechanism is too weak", "認証メカニズムが弱すぎます"),
    535: ("Authentication credentials invalid", "認証情報が無効です"),
    550: ("Mailbox unavailable", "メールボックスを利用できません"),
    551: ("User not local", "ユーザーはローカルにいません"),
    552: ("Exceeded storage allocation", "割り当てられた記憶領域を超えました"),
    553: ("Mailbox name not allowed", "メールボックス名は許可されていません"),
    554: ("Transaction failed", "トランザクションに失敗しました"),
    555: ("MAIL FROM/RCPT TO parameters not recognized", "MAIL FROM/RCPT TO のパラメーターを認識できません"),
    556: ("Domain does not accept mail", "ドメインはメールを受け付けません"),
}

SUBJECTS = [
    ("mailbox", "メールボックス"), ("relay", "中継"), ("queue", "キュー"),
    ("session", "セッション"), ("recipient", "受信者"), ("sender", "送信者"),
    ("message", "メッセージ"), ("domain", "ドメイン"), ("channel", "チャネル"),
    ("policy", "ポリシー"), ("storage", "ストレージ"), ("certificate", "証明書"),
    ("header", "ヘッダー"), ("envelope", "エンベロープ"), ("transfer", "転送"),
]
OUTCOMES = {
    2: [("accepted", "受理"), ("completed", "完了"), ("confirmed", "確認済み"),
        ("ready", "準備完了"), ("verified", "検証済み")],
    3: [("pending", "保留中"), ("awaiting input", "入力待ち"), ("challenge issued", "チャレンジ送信"),
        ("continuation expected", "継続待ち"), ("partially accepted", "一部受理")],
    4: [("temporarily unavailable", "一時的に利用不可"), ("deferred", "延期"),
        ("throttled", "制限中"), ("busy", "ビジー"), ("greylisted", "グレーリスト登録")],
    5: [("rejected", "拒否"), ("refused", "拒絶"), ("not permitted", "許可されていません"),
        ("invalid", "無効"), ("permanently unavailable", "恒久的に利用不可")],
}
SUMMARY_PHRASE = {
    "en": {2: "was handled successfully",
           3: "needs more input before the server can finish",
           4: "failed for now but may work if the client retries later",
           5: "failed and must not be retried unchanged"},
    "ja": {2: "の処理が正常に完了した",
           3: "の処理を完了するにはさらに入力が必要である",
           4: "の処理が一時的に失敗したが、後で再試行すれば成功する可能性がある",
           5: "の処理が失敗し、そのまま再試行してはならない"},
}

FILLER = {
    "en": [
        "When a client sends {cmd}, the server may answer with {code} to describe the state of the {subj}.",
        "This reply belongs to the {cls} class, so the client should read it before it sends the next command.",
        "Most mail transfer agents log the full reply text, which helps administrators trace the problem later.",
        "The wording after the code is not standardized, but the three digits always carry the same meaning.",
        "Clients that pipeline commands must match each reply to the command that caused it.",
        "A well-behaved server keeps the connection open unless the reply says that the channel is closing.",
        "Operators often see this code in bounce messages and in delivery status notifications.",
        "Enhanced status codes such as 5.1.1 or 4.2.2 may follow the basic reply and add useful detail.",
        "Monitoring tools can count how often {code} appears to spot misconfigured senders early.",
        "The {subj} is checked again on every new transaction, so one reply says little about the next one.",
    ],
    "ja": [
        "クライアントが {cmd} を送信すると、サーバーは{subj}の状態を示すために {code} を返すことがあります。",
        "この応答は{cls}クラスに属するため、クライアントは次のコマンドを送る前に内容を確認する必要があります。",
        "多くのメール転送エージェントは応答の全文をログに記録するので、管理者は後から問題を追跡できます。",
        "コードの後に続く文言は標準化されていませんが、三桁の数字の意味は常に同じです。",
        "コマンドをパイプライン処理するクライアントは、各応答を対応するコマンドと照合しなければなりません。",
        "応答がチャネルを閉じると示していない限り、正しく動作するサーバーは接続を維持します。",
        "運用担当者は、バウンスメッセージや配信状態通知の中でこのコードをよく目にします。",
        "5.1.1 や 4.2.2 のような拡張ステータスコードが基本の応答に続き、詳細を補足することがあります。",
        "監視ツールで {code} の出現回数を数えると、設定に誤りのある送信者を早く見つけられます。",
        "{subj}は新しいトランザクションごとに再確認されるため、一つの応答から次の結果はわかりません。",
    ],
}

LEADS = {
    "en": {
        "description": "**{code} {title}** is a {cls} reply about the {subj}.",
        "when": "You will usually see **{code}** right after the **{cmd}** command.",
        "fix": {2: "No fix is needed, because **{code}** means that the step worked.",
                3: "Send the **data the server asked for** so that the transaction can go on.",
                4: "Wait and **retry later**, because the condition behind {code} is temporary.",
                5: "Do **not retry unchanged**; correct the request that caused {code} first."},
    },
    "ja": {
        "description": "**{code} {title}** は{subj}に関する{cls}の応答です。",
        "when": "**{code}** は通常、**{cmd}** コマンドの直後に表示されます。",
        "fix": {2: "**{code}** は処理が成功したことを示すので、**対処は不要**です。",
                3: "トランザクションを続けるために、**サーバーが求めるデータ**を送信してください。",
                4: "{code} の原因は一時的なものなので、**しばらく待ってから再試行**してください。",
                5: "**そのまま再試行せず**、まず {code} の原因となった要求を修正してください。"},
    },
}

LISTS = {
    "en": {
        "description": ["Class: {cls} ({d}xx)", "Topic: the {subj}", "Usual command: {cmd}"],
        "when": ["Right after {cmd}", "While the {subj} is being checked", "In the server log"],
        "fix": {2: ["Nothing to change", "Continue with the next command", "Keep the logs"],
                3: ["Read the server prompt", "Send the requested data", "End the data correctly"],
                4: ["Wait a few minutes", "Retry with backoff", "Check the server load"],
                5: ["Check the address", "Fix the {cmd} request", "Ask the server administrator"]},
    },
    "ja": {
        "description": ["クラス：{cls}（{d}xx）", "対象：{subj}", "主なコマンド：{cmd}"],
        "when": ["{cmd} の直後", "{subj}を確認している間", "サーバーのログの中"],
        "fix": {2: ["変更は不要です", "次のコマンドに進みます", "ログを保存します"],
                3: ["サーバーの応答を読みます", "求められたデータを送ります", "データを正しく終了します"],
                4: ["数分待ちます", "間隔を空けて再試行します", "サーバーの負荷を確認します"],
                5: ["アドレスを確認します", "{cmd} の要求を修正します", "サーバー管理者に連絡します"]},
    },
}

LINKS = {
    "description": ("RFC 5321 section 4.2", "https://www.rfc-editor.org/rfc/rfc5321#section-4.2"),
    "when": ("RFC 5321 section 4.3", "https://www.rfc-editor.org/rfc/rfc5321#section-4.3"),
    "fix": ("RFC 3463", "https://www.rfc-editor.org/rfc/rfc3463"),
}
LINK_SENTENCE = {
    "en": "Read [{label}]({url}) for the details.",
    "ja": "詳しくは [{label}]({url}) を参照してください。",
}

REFERENCES = [
    {"title": "RFC 5321: Simple Mail Transfer Protocol", "url": "https://www.rfc-editor.org/rfc/rfc5321"},
    {"title": "RFC 3463: Enhanced Mail System Status Codes", "url": "https://www.rfc-editor.org/rfc/rfc3463"},
    {"title": "RFC 4954: SMTP Service Extension for Authentication", "url": "https://www.rfc-editor.org/rfc/rfc4954"},
]

# Section labels (as specified) plus the extra strings every peer renders.
# Phrases use {name} placeholders.
LABELS = {
    "en": {
        "description": "Description",
        "when": "When you see this code",
        "fix": "How to fix it",
        "differences": "Key differences",
        "which": "Which to use when",
        "more": "Learn more",
        "language": "English",
        "index": "All SMTP reply codes",
        "class": "Class",
        "commands": "Commands",
        "related": "Related codes",
        "references": "References",
        "compare": "compare",
        "intro_diff": "{a} is a {cls_a} reply ({da}xx), while {b} is a {cls_b} reply ({db}xx).",
        "intro_same": "Both {a} and {b} are {cls} replies ({d}xx), but they report different conditions.",
        "diff_class": "{a} belongs to class {da}xx ({cls_a}) and {b} to class {db}xx ({cls_b}).",
        "diff_class_same": "Both codes belong to class {d}xx ({cls}); only the last two digits differ.",
        "diff_next": "After {a}, {next_a}; after {b}, {next_b}.",
        "next2": "the client goes on with the next command",
        "next3": "the client must send the rest of the request",
        "next4": "the client may try again later",
        "next5": "the client must change the request before trying again",
        "diff_common": "Both can answer {cmds}.",
        "diff_none": "They never answer the same command.",
        "diff_only": "Only {x} answers {cmds}.",
        # pattern.pageTitle and pageTitleShort of locales/en.yaml (above 70 characters: the short one)
        "pair_title": "SMTP {a} ({title_a}) vs {b} ({title_b})",
        "pair_title_short": "{a} ({title_a}) vs {b} ({title_b})",
        "which_text": "Use {a} when the situation matches “{title_a}”: {summary_a} "
                      "Use {b} when it matches “{title_b}”: {summary_b}",
    },
    "ja": {
        "description": "説明",
        "when": "このコードが表示される場合",
        "fix": "解決方法",
        "differences": "主な違い",
        "which": "どちらをいつ使うか",
        "more": "詳しく見る",
        "language": "日本語",
        "index": "SMTP 応答コード一覧",
        "class": "クラス",
        "commands": "コマンド",
        "related": "関連コード",
        "references": "参考資料",
        "compare": "比較",
        "intro_diff": "{a} は{cls_a}応答（{da}xx）ですが、{b} は{cls_b}応答（{db}xx）です。",
        "intro_same": "{a} と {b} はどちらも{cls}応答（{d}xx）ですが、示す状況は異なります。",
        "diff_class": "{a} はクラス {da}xx（{cls_a}）、{b} はクラス {db}xx（{cls_b}）に属します。",
        "diff_class_same": "どちらのコードもクラス {d}xx（{cls}）に属し、異なるのは下二桁だけです。",
        "diff_next": "{a} の後は{next_a}。{b} の後は{next_b}。",
        "next2": "クライアントは次のコマンドに進みます",
        "next3": "クライアントは要求の残りを送信する必要があります",
        "next4": "クライアントは後で再試行できます",
        "next5": "クライアントは要求を修正してから再試行する必要があります",
        "diff_common": "どちらも {cmds} への応答として返されます。",
        "diff_none": "同じコマンドへの応答として返されることはありません。",
        "diff_only": "{cmds} に応答するのは {x} だけです。",
        "pair_title": "SMTP {a}「{title_a}」と {b}「{title_b}」の違い",
        "pair_title_short": "{a}「{title_a}」と {b}「{title_b}」の違い",
        "which_text": "「{title_a}」の状況では {a} を使います。{summary_a}"
                      "「{title_b}」の状況では {b} を使います。{summary_b}",
    },
}
SECTION_LABELS = ["description", "when", "fix", "differences", "which", "more"]
FIELDS = ["description", "when", "fix"]


# --------------------------------------------------------------------------
# dataset

def pick_codes(n, seed):
    if not 1 <= n <= 4 * MAX_PER_CLASS:
        sys.exit(f"N must be between 1 and {4 * MAX_PER_CLASS}")
    pools = {}
    for d in (2, 3, 4, 5):
        real = [c for c in REAL if c // 100 == d]
        rest = [c for c in range(d * 100, d * 100 + MAX_PER_CLASS) if c not in REAL]
        random.Random(f"{seed}:pool:{d}").shuffle(rest)
        pools[d] = real + rest
    codes = []
    for i in range(n):
        codes.append(pools[2 + i % 4][i // 4])
    return sorted(codes)


def fill(template, ctx):
    return template.format(**ctx)


def paragraph(pool, loc, ctx, first, last):
    """About 60 words (about 130 Japanese characters): a lead, fillers, a closing sentence."""
    sentences = [first] if first else []
    limit = 45 if loc == "en" else 100
    size = lambda s: len(s.split()) if loc == "en" else len(s)
    total = lambda: sum(size(s) for s in sentences) + (size(last) if last else 0)
    while total() < limit:
        sentences.append(pool.pop())
    if last:
        sentences.append(last)
    sep = " " if loc == "en" else ""
    return sep.join(fill(s, ctx) for s in sentences)


def markdown_field(rng, loc, field, ctx, d):
    lead = LEADS[loc][field]
    lead = lead[d] if isinstance(lead, dict) else lead
    items = LISTS[loc][field]
    items = items[d] if isinstance(items, dict) else items
    label, url = LINKS[field]
    link = LINK_SENTENCE[loc].format(label=label, url=url)
    pool = FILLER[loc][:]
    rng.shuffle(pool)  # no filler sentence repeats within a field
    p1 = paragraph(pool, loc, ctx, lead, None)
    p2 = paragraph(pool, loc, ctx, None, link.replace("{", "{{").replace("}", "}}"))
    lst = "\n".join("- " + fill(i, ctx) for i in items)
    return f"{p1}\n\n{lst}\n\n{p2}\n"


def make_code(code, codes, seed):
    rng = random.Random(f"{seed}:code:{code}")
    d = code // 100
    si = rng.randrange(len(SUBJECTS))
    oi = rng.randrange(len(OUTCOMES[d]))
    subj_en, subj_ja = SUBJECTS[si]
    out_en, out_ja = OUTCOMES[d][oi]
    if code in REAL:
        title = {"en": REAL[code][0], "ja": REAL[code][1]}
    else:
        title = {"en": f"{subj_en.capitalize()} {out_en}", "ja": f"{subj_ja}：{out_ja}"}
    commands = sorted(rng.sample(COMMANDS, rng.randint(1, 4)), key=COMMANDS.index)
    others = [c for c in codes if c != code]
    related = sorted(rng.sample(others, min(len(others), rng.randint(0, 3))))
    refs = [REFERENCES[0]] + ([REFERENCES[1 + rng.randrange(2)]] if rng.random() < 0.6 else [])
    rec = {"code": code, "class": d, "commands": commands, "related": related,
           "references": refs, "text": {}}
    for loc in LOCALES:
        subj = subj_en if loc == "en" else subj_ja
        cmd = commands[0]
        ctx = {"code": code, "title": title[loc], "cls": CLASSES[loc][d], "d": d,
               "subj": subj, "cmd": cmd}
        if loc == "en":
            summary = f"Reply {code} means that the {subj} {SUMMARY_PHRASE['en'][d]} after the {cmd} command."
            use = f"Send {code} when the {subj} {SUMMARY_PHRASE['en'][d]} after the {cmd} command."
        else:
            summary = f"{code} は、{cmd} コマンドの後で{subj}{SUMMARY_PHRASE['ja'][d]}ことを示します。"
            use = f"{cmd} コマンドの後で{subj}{SUMMARY_PHRASE['ja'][d]}ときは、{code} を返します。"
        # "use" is Versus's own field (when a server should send the code); Hugo's site says
        # the same with the summary, as its "which" section did before Versus had the field.
        t = {"title": title[loc], "summary": summary, "use": use}
        for field in FIELDS:
            t[field] = markdown_field(rng, loc, field, ctx, d)
        rec["text"][loc] = t
    return rec


def make_dataset(n, seed):
    codes = pick_codes(n, seed)
    return {"seed": seed, "n": n, "codes": [make_code(c, codes, seed) for c in codes]}


# --------------------------------------------------------------------------
# tiny YAML writer (double-quoted scalars are JSON strings; Markdown as |)

def yq(s):
    if isinstance(s, bool):
        return "true" if s else "false"
    if isinstance(s, int):
        return str(s)
    return json.dumps(s, ensure_ascii=False)


def yblock(key, text, indent=""):
    lines = text.rstrip("\n").split("\n")
    body = "\n".join((indent + "  " + line) if line else "" for line in lines)
    return f"{indent}{key}: |\n{body}\n"


def yflow(items):
    return "[" + ", ".join(yq(i) for i in items) + "]"


def code_yaml(rec, loc, full):
    t = rec["text"][loc]
    out = []
    if full:
        out.append(f"code: {rec['code']}\n")
    out.append(f"title: {yq(t['title'])}\n")
    out.append(f"summary: {yq(t['summary'])}\n")
    for field in FIELDS:
        out.append(yblock(field, t[field]))
    if full:
        out.append(f"commands: {yflow(rec['commands'])}\n")
        out.append(f"related: {yflow(rec['related'])}\n")
        out.append("references:\n")
        for r in rec["references"]:
            out.append(f"  - title: {yq(r['title'])}\n    url: {yq(r['url'])}\n")
    return "".join(out)


def labels_yaml(loc):
    out = ["# Section labels\n"]
    for k in SECTION_LABELS:
        out.append(f"{k}: {yq(LABELS[loc][k])}\n")
    out.append("# Further strings the peer sites render ({name} = placeholder)\n")
    for k, v in LABELS[loc].items():
        if k not in SECTION_LABELS:
            out.append(f"{k}: {yq(v)}\n")
    return "".join(out)


# --------------------------------------------------------------------------
# writers

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def pairs_of(codes):
    return [(a, b) for i, a in enumerate(codes) for b in codes[i + 1:]]


SCOPE = {2: "command", 3: "command", 4: "transaction", 5: "recipient"}
CAUSE = {2: "none", 3: "none", 4: "receiver", 5: "sender"}


def versus_code_yaml(rec, loc):
    """One code file in the project's content format (docs/CONTENT-FORMAT.md): the English file,
    or a translation (text fields only). A field added to the format is one more entry here."""
    t = rec["text"][loc]
    d = rec["class"]
    text_fields = [
        f"title: {yq(t['title'])}\n",
        f"summary: {yq(t['summary'])}\n",
        yblock("description", t["description"]),
        yblock("when", t["when"]),
        f"use: {yq(t['use'])}\n",
        "fix:\n" + yblock("sender", t["fix"], "  "),
    ]
    if loc != DEFAULT_LOCALE:
        return "".join(text_fields)
    refs = "".join(f"  - title: {yq(r['title'])}\n    url: {yq(r['url'])}\n"
                   for r in rec["references"])
    return "".join([
        f"code: '{rec['code']}'\n",
        *text_fields,
        f"scope: {SCOPE[d]}\n",
        f"cause: {CAUSE[d]}\n",
        f"commands: {yflow(rec['commands'])}\n",
        f"related: {yflow([str(r) for r in rec['related']])}\n",
        "references:\n" + refs,
    ])


def write_versus(ds, root, project=None):
    """content/site.yaml and content/smtp/<code>[.ja].yaml; the family file, templates and
    locales come from the project itself (copied from PROJECT when given)."""
    write(f"{root}/content/site.yaml",
          f"title: {SITE_TITLE}\nbaseUrl: {BASE_URL}\ndefaultLocale: {DEFAULT_LOCALE}\n"
          f"locales: [{', '.join(LOCALES)}]\n")
    for rec in ds["codes"]:
        for loc in LOCALES:
            suffix = "" if loc == DEFAULT_LOCALE else f".{loc}"
            write(f"{root}/content/smtp/{rec['code']}{suffix}.yaml", versus_code_yaml(rec, loc))
    if project:
        for folder in ("templates", "locales"):
            shutil.copytree(f"{project}/{folder}", f"{root}/{folder}")
        # _family.yaml first: its translations follow what it keeps.
        for name in sorted(os.listdir(f"{project}/content/smtp"), key=lambda n: (n != "_family.yaml", n)):
            if name.startswith("_family"):
                with open(f"{project}/content/smtp/{name}", encoding="utf-8") as f:
                    text = f.read()
                # The made-up codes use every second digit (x60 to x99 too), which the real
                # family's pattern may not allow: this family's pattern is this dataset's.
                text = re.sub(r"(?m)^codePattern:.*$", "codePattern: '[2-5][0-9][0-9]'", text)
                # Facts that list codes of another family (travelsWith: smtp-enhanced) name a family
                # this one-family dataset does not have: they go, in English and in translations.
                text = drop_other_family_facts(text)
                write(f"{root}/content/smtp/{name}", text)


def drop_other_family_facts(text):
    """Removes each fact with `family:` (a codes fact of another family) from a _family file, and
    the same fact's section from its translations (facts: <id>: ...)."""
    lines = text.split("\n")
    ids = set()
    # English: "  - id: X" items of facts:, up to the next item or top-level key.
    items, current = [], None
    for i, line in enumerate(lines):
        m = re.match(r"^  - id: (\S+)", line)
        if m or re.match(r"^\S", line):
            current = [m.group(1), i, None] if m else None
            if current:
                items.append(current)
        if current and re.match(r"^    family: \S", line):
            current[2] = True
    drop = set()
    for n, (fid, start, other) in enumerate(items):
        if not other:
            continue
        ids.add(fid)
        end = start + 1
        while end < len(lines) and not re.match(r"^  - id: |^\S", lines[end]):
            end += 1
        drop.update(range(start, end))
    # Translations: "  X:" sections under facts:, up to the next two-space key or top-level key.
    in_facts = False
    for i, line in enumerate(lines):
        if re.match(r"^\S", line):
            in_facts = line.startswith("facts:")
        m = re.match(r"^  ([A-Za-z0-9_]+):\s*$", line)
        if in_facts and m and m.group(1) in OTHER_FAMILY_FACTS:
            end = i + 1
            while end < len(lines) and not re.match(r"^  \S|^\S", lines[end]):
                end += 1
            drop.update(range(i, end))
    OTHER_FAMILY_FACTS.update(ids)
    kept = "\n".join(l for i, l in enumerate(lines) if i not in drop).rstrip("\n")
    return kept + "\n" if text.endswith("\n") else kept


# The ids of the facts dropped from _family.yaml, which is read before its translations.
OTHER_FAMILY_FACTS = set()


HUGO = {}

HUGO["hugo.yaml"] = """\
baseURL: {base}
title: {title}
defaultContentLanguage: en
defaultContentLanguageInSubdir: true
disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, "404", section]
disableHugoGeneratorInject: true
params:
  # true: each code's rendered sections are cached (partialCached) per locale;
  # false (hugo --config hugo.yaml,nocache.yaml): markdownify runs on every page.
  cacheSections: true
languages:
  en:
    languageName: English
    weight: 1
    contentDir: content/en
  ja:
    languageName: 日本語
    weight: 2
    contentDir: content/ja
"""

HUGO["nocache.yaml"] = """\
params:
  cacheSections: false
"""

HUGO["layouts/partials/head.html"] = """\
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .title }} | {{ site.Title }}</title>
<meta name="description" content="{{ .desc }}">
<link rel="canonical" href="{{ .page.Permalink }}">
{{- range .page.AllTranslations }}
<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{- end }}
</head>
"""

HUGO["layouts/partials/header.html"] = """\
<header><a class="home" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{- range .Translations }} <a class="lang" hreflang="{{ .Lang }}" lang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>{{ end }}</header>
"""

HUGO["layouts/partials/code.html"] = """\
{{- $c := .c -}}
<section class="code" id="c{{ $c.code }}">
<h2>{{ $c.code }} {{ $c.title }}</h2>
<p class="summary">{{ $c.summary }}</p>
<h3>{{ i18n "description" }}</h3>
{{ $c.description | markdownify }}
<h3>{{ i18n "when" }}</h3>
{{ $c.when | markdownify }}
<h3>{{ i18n "fix" }}</h3>
{{ $c.fix | markdownify }}
</section>
"""

HUGO["layouts/_default/pair.html"] = """\
{{- $lang := .Lang -}}
{{- $codes := index site.Data.smtp $lang -}}
{{- $a := index $codes .Params.a -}}
{{- $b := index $codes .Params.b -}}
{{- $da := div $a.code 100 -}}
{{- $db := div $b.code 100 -}}
{{- $ca := i18n (printf "class%d" $da) -}}
{{- $cb := i18n (printf "class%d" $db) -}}
{{- $title := i18n "pair_title" (dict "a" $a.code "b" $b.code "title_a" $a.title "title_b" $b.title) -}}
{{- if gt (strings.RuneCount $title) 70 -}}{{- $title = i18n "pair_title_short" (dict "a" $a.code "b" $b.code "title_a" $a.title "title_b" $b.title) -}}{{- end -}}
{{- $intro := "" -}}
{{- if eq $da $db -}}
{{- $intro = i18n "intro_same" (dict "a" $a.code "b" $b.code "cls" $ca "d" $da) -}}
{{- else -}}
{{- $intro = i18n "intro_diff" (dict "a" $a.code "b" $b.code "cls_a" $ca "cls_b" $cb "da" $da "db" $db) -}}
{{- end -}}
<!DOCTYPE html>
<html lang="{{ $lang }}">
{{ partial "head.html" (dict "page" . "title" $title "desc" $intro) -}}
<body>
{{ partial "header.html" . -}}
<main>
<h1>{{ $title }}</h1>
<p class="intro">{{ $intro }}</p>
{{ if site.Params.cacheSections -}}
{{ partialCached "code.html" (dict "c" $a) $lang $a.code -}}
{{ partialCached "code.html" (dict "c" $b) $lang $b.code -}}
{{ else -}}
{{ partial "code.html" (dict "c" $a) -}}
{{ partial "code.html" (dict "c" $b) -}}
{{ end -}}
<section class="differences">
<h2>{{ i18n "differences" }}</h2>
<ul>
{{ if eq $da $db -}}
<li>{{ i18n "diff_class_same" (dict "d" $da "cls" $ca) }}</li>
{{ else -}}
<li>{{ i18n "diff_class" (dict "a" $a.code "b" $b.code "da" $da "db" $db "cls_a" $ca "cls_b" $cb) }}</li>
{{ end -}}
<li>{{ i18n "diff_next" (dict "a" $a.code "b" $b.code "next_a" (i18n (printf "next%d" $da)) "next_b" (i18n (printf "next%d" $db))) }}</li>
{{ with intersect $a.commands $b.commands -}}
<li>{{ i18n "diff_common" (dict "cmds" (delimit . ", ")) }}</li>
{{ else -}}
<li>{{ i18n "diff_none" }}</li>
{{ end -}}
{{ with complement $b.commands $a.commands -}}
<li>{{ i18n "diff_only" (dict "x" $a.code "cmds" (delimit . ", ")) }}</li>
{{ end -}}
{{ with complement $a.commands $b.commands -}}
<li>{{ i18n "diff_only" (dict "x" $b.code "cmds" (delimit . ", ")) }}</li>
{{ end -}}
</ul>
</section>
<section class="which">
<h2>{{ i18n "which" }}</h2>
<p>{{ i18n "which_text" (dict "a" $a.code "b" $b.code "title_a" $a.title "title_b" $b.title "summary_a" $a.summary "summary_b" $b.summary) }}</p>
</section>
<section class="more">
<h2>{{ i18n "more" }}</h2>
<ul>
<li><a href="/{{ $lang }}/smtp/{{ $a.code }}/">SMTP {{ $a.code }} {{ $a.title }}</a></li>
<li><a href="/{{ $lang }}/smtp/{{ $b.code }}/">SMTP {{ $b.code }} {{ $b.title }}</a></li>
</ul>
</section>
</main>
</body>
</html>
"""

HUGO["layouts/_default/code.html"] = """\
{{- $lang := .Lang -}}
{{- $codes := index site.Data.smtp $lang -}}
{{- $c := index $codes .Params.code -}}
{{- $d := div $c.code 100 -}}
{{- $title := printf "SMTP %d %s" $c.code $c.title -}}
<!DOCTYPE html>
<html lang="{{ $lang }}">
{{ partial "head.html" (dict "page" . "title" $title "desc" $c.summary) -}}
<body>
{{ partial "header.html" . -}}
<main>
<h1>{{ $title }}</h1>
<p class="summary">{{ $c.summary }}</p>
<p class="class">{{ i18n "class" }}: {{ $d }}xx {{ i18n (printf "class%d" $d) }}</p>
<h2>{{ i18n "description" }}</h2>
{{ $c.description | markdownify }}
<h2>{{ i18n "when" }}</h2>
{{ $c.when | markdownify }}
<h2>{{ i18n "fix" }}</h2>
{{ $c.fix | markdownify }}
<h2>{{ i18n "commands" }}</h2>
<ul>
{{ range $c.commands -}}
<li>{{ . }}</li>
{{ end -}}
</ul>
{{ with $c.related -}}
<h2>{{ i18n "related" }}</h2>
<ul>
{{ range . -}}
{{ $r := index $codes (string .) -}}
<li><a href="/{{ $lang }}/smtp/{{ . }}/">SMTP {{ . }} {{ $r.title }}</a> (<a href="/{{ $lang }}/smtp/{{ if lt $c.code . }}{{ $c.code }}-vs-{{ . }}{{ else }}{{ . }}-vs-{{ $c.code }}{{ end }}/">{{ i18n "compare" }}</a>)</li>
{{ end -}}
</ul>
{{ end -}}
<h2>{{ i18n "references" }}</h2>
<ul>
{{ range $c.references -}}
<li><a href="{{ .url }}">{{ .title }}</a></li>
{{ end -}}
</ul>
</main>
</body>
</html>
"""

HUGO["layouts/index.html"] = """\
{{- $lang := .Lang -}}
{{- $codes := index site.Data.smtp $lang -}}
{{- $title := i18n "index" -}}
<!DOCTYPE html>
<html lang="{{ $lang }}">
{{ partial "head.html" (dict "page" . "title" $title "desc" $title) -}}
<body>
{{ partial "header.html" . -}}
<main>
<h1>{{ $title }}</h1>
{{ range $d := slice 2 3 4 5 -}}
<h2>{{ $d }}xx {{ i18n (printf "class%d" $d) }}</h2>
<ul>
{{ range $codes -}}
{{ if eq (div .code 100) $d -}}
<li><a href="/{{ $lang }}/smtp/{{ .code }}/">{{ .code }} {{ .title }}</a>: {{ .summary }}</li>
{{ end -}}
{{ end -}}
</ul>
{{ end -}}
</main>
</body>
</html>
"""


def hugo_i18n(loc):
    # Nested {other: ...} form: go-i18n would take a top-level "description"
    # key holding a string for a message field.
    out = []
    for k, v in LABELS[loc].items():
        v = re.sub(r"{(\w+)}", r"{{ .\1 }}", v)
        out.append(f"{k}:\n  other: {yq(v)}\n")
    for d, name in CLASSES[loc].items():
        out.append(f"class{d}:\n  other: {yq(name)}\n")
    return "".join(out)


def write_hugo(ds, root):
    for name, text in HUGO.items():
        write(f"{root}/{name}", text.replace("{base}", BASE_URL).replace("{title}", SITE_TITLE)
              if name == "hugo.yaml" else text)
    codes = [r["code"] for r in ds["codes"]]
    for loc in LOCALES:
        write(f"{root}/i18n/{loc}.yaml", hugo_i18n(loc))
        write(f"{root}/content/{loc}/_index.md", "---\n---\n")
        for rec in ds["codes"]:
            write(f"{root}/data/smtp/{loc}/{rec['code']}.yaml", code_yaml(rec, loc, True))
            write(f"{root}/content/{loc}/smtp/{rec['code']}.md",
                  f'---\ncode: "{rec["code"]}"\nlayout: code\n---\n')
        d = f"{root}/content/{loc}/smtp"
        for a, b in pairs_of(codes):
            with open(f"{d}/{a}-vs-{b}.md", "w", encoding="utf-8") as f:
                f.write(f'---\na: "{a}"\nb: "{b}"\nlayout: pair\n---\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of reply codes (1-400)")
    ap.add_argument("outdir", help="output folder (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=5321)
    ap.add_argument("--project", help="Versus project to take templates, locales and the family "
                    "file from (the repository)")
    args = ap.parse_args()
    ds = make_dataset(args.n, args.seed)
    if os.path.exists(args.outdir):
        shutil.rmtree(args.outdir)
    os.makedirs(args.outdir)
    write(f"{args.outdir}/dataset.json", json.dumps(ds, ensure_ascii=False, indent=1) + "\n")
    write_versus(ds, f"{args.outdir}/versus", args.project)
    write_hugo(ds, f"{args.outdir}/hugo")
    n = len(ds["codes"])
    pairs = n * (n - 1) // 2
    pages = len(LOCALES) * (pairs + n + 1) + 1
    print(f"{args.outdir}: {n} codes, {pairs} pairs, {pages} pages expected per peer")


if __name__ == "__main__":
    main()
