#!/usr/bin/env python3
"""Where a build's Java time goes, from JFR execution samples (see bench/README.md, "Where the time goes").

Record one or more builds with one sample per millisecond (the JDK's profile.jfc samples every 10 ms,
too few for a two-second build), then read them together:

    sed 's|<setting name="period" control="method-sampling-java-interval">[^<]*<|<setting name="period" control="method-sampling-java-interval">1 ms<|' \\
        $JAVA_HOME/lib/jfr/profile.jfc > /tmp/1ms.jfc
    for i in 1 2 3; do rm -rf /dev/shm/out; \\
        VERSUS_JAVA_OPTS=-XX:StartFlightRecording=settings=/tmp/1ms.jfc,filename=/tmp/b$i.jfr \\
        target/versus build --out /dev/shm/out; done
    bench/jfr-shares.py -t versus-render /tmp/b*.jfr                 # self and inclusive shares
    bench/jfr-shares.py -t versus-render --callers 'tabAt$' /tmp/b*.jfr   # who calls a frame
    bench/jfr-shares.py -t versus-render --under 'PairAnalyzer.analyze$' /tmp/b*.jfr   # what a frame calls

Shares are of all samples of the selected threads (-t: a part of the thread name; versus-render-1
and -2 render the pages, main loads and validates, versus-data writes the data files). JFR samples
only threads running Java code: time in the kernel (writing files) and in the JIT compiler threads is
not here; `perf record` of a build shows those.
"""
import argparse
import collections
import re
import subprocess
import sys


def samples(recordings, thread):
    for rec in recordings:
        text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', rec],
                              capture_output=True, text=True, check=True).stdout
        for event in text.split('jdk.ExecutionSample')[1:]:
            name = re.search(r'sampledThread = "([^"]*)"', event)
            if thread and (not name or thread not in name.group(1)):
                continue
            yield re.findall(r'^\s+([\w$.<>]+)\(.*?\)\s+line:', event, re.M)  # innermost frame first


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('-t', '--thread', default='', help='only threads whose name contains this')
    ap.add_argument('-n', type=int, default=40, help='lines per list')
    ap.add_argument('--callers', metavar='REGEX', help='the frames that call the first frame matching REGEX')
    ap.add_argument('--depth', type=int, default=2, help='how many calling frames --callers shows')
    ap.add_argument('--under', metavar='REGEX', help='inclusive shares of the frames called by frames matching REGEX')
    ap.add_argument('recordings', nargs='+')
    a = ap.parse_args()
    stacks = list(samples(a.recordings, a.thread))
    n = len(stacks)
    if n == 0:
        sys.exit('no samples' + (f' of a thread named *{a.thread}*' if a.thread else ''))
    print(f'{n} samples')

    def show(counter):
        for frame, count in counter.most_common(a.n):
            print(f'{100 * count / n:5.1f} % {frame}')

    if a.callers:
        rx, callers, total = re.compile(a.callers), collections.Counter(), 0
        for frames in stacks:
            hit = next((i for i, f in enumerate(frames) if rx.search(f)), None)
            if hit is None:
                continue
            j = hit
            while j < len(frames) and rx.search(frames[j]):  # past recursion into the same frames
                j += 1
            callers[' < '.join(frames[j:j + a.depth])] += 1
            total += 1
        print(f'{100 * total / n:.1f} % of the samples are in {a.callers}, called from:')
        show(callers)
        return
    if a.under:
        rx, below, inside = re.compile(a.under), collections.Counter(), 0
        for frames in stacks:
            hits = [i for i, f in enumerate(frames) if rx.search(f)]
            if hits:
                inside += 1
                below.update(set(frames[:max(hits)]))
        print(f'{100 * inside / n:.1f} % of the samples are under {a.under}; the frames it calls, inclusive:')
        show(below)
        return
    own, inclusive = collections.Counter(), collections.Counter()
    for frames in stacks:
        if frames:
            own[frames[0]] += 1
        inclusive.update(set(frames))
    print('--- self (the frame itself)')
    show(own)
    print('--- inclusive (the frame and what it calls)')
    show(inclusive)


if __name__ == '__main__':
    main()
