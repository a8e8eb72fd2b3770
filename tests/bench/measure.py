#!/usr/bin/env python3
"""Times sciatica against its yardsticks and prints the four ratios of issue 5.

Usage: measure.py SCIATICA WORKDIR   (tests/bench/run.sh builds and calls it)
Every figure is the median of runs interleaved with its yardstick's in this
one invocation, so a busy machine slows both sides alike. Output goes to
/dev/null for every command timed.
"""
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.abspath(os.path.join(HERE, "..", ".."))
CASES = int(os.environ.get("BENCH_CASES", "200000"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ONE_SHOT_RUNS = int(os.environ.get("BENCH_ONE_SHOT_RUNS", "300"))
SCALE_CASES = int(os.environ.get("BENCH_SCALE_CASES", "20000"))


def wall(argv, stdin_path=None):
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        code = subprocess.call(argv, stdin=stdin, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
    finally:
        if stdin_path:
            stdin.close()
    if code not in (0, 65):
        sys.exit("bench: %s exited with %d" % (" ".join(argv), code))
    return elapsed


def interleaved(commands, runs):
    """Median wall time of each (argv, stdin) in `commands`, run in turn."""
    times = [[] for _ in commands]
    for _ in range(runs):
        for i, (argv, stdin) in enumerate(commands):
            times[i].append(wall(argv, stdin))
    return [statistics.median(t) for t in times]


def generate(args, path):
    with open(path, "w", encoding="utf-8") as out:
        subprocess.check_call([sys.executable, os.path.join(HERE, "gen.py"), *args], stdout=out)


def peak_rss_kib(argv):
    p = subprocess.run(["/usr/bin/time", "-v", *argv], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, check=True)
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))


def main(binary, work):
    default_yaml = os.path.join(SOURCE, "rules", "default.yaml")
    cases = os.path.join(work, "cases.jsonl")
    one = os.path.join(work, "one.json")
    big_rules = os.path.join(work, "rules-10x.yaml")
    few, few_big = os.path.join(work, "scale-1.jsonl"), os.path.join(work, "scale-10x-1.jsonl")
    many, many_big = os.path.join(work, "scale.jsonl"), os.path.join(work, "scale-10x.jsonl")
    generate(["cases", default_yaml, str(CASES)], cases)
    generate(["scale", default_yaml, "10"], big_rules)
    generate(["cases", default_yaml, "1", "7"], few)
    generate(["cases", big_rules, "1", "7"], few_big)
    generate(["cases", default_yaml, str(SCALE_CASES), "9"], many)
    generate(["cases", big_rules, str(SCALE_CASES), "9"], many_big)
    with open(few, encoding="utf-8") as f, open(one, "w", encoding="utf-8") as out:
        out.write(re.sub(r'"case_id":"[^"]*",', "", f.read()))

    true_s, check_s = interleaved([(["/bin/true"], None),
                                   ([binary, "check", "--answers", one, "--format", "json"], None)],
                                  ONE_SHOT_RUNS)
    jq_s, batch_s = interleaved([(["jq", "-c", "."], cases), ([binary, "batch"], cases)], RUNS)
    rss = peak_rss_kib([binary, "batch", cases])
    # Per case: the difference between many cases and one, so that loading
    # either rule set from YAML (--rules) is not counted.
    d1, dn, b1, bn = interleaved([([binary, "--rules", default_yaml, "batch", few], None),
                                  ([binary, "--rules", default_yaml, "batch", many], None),
                                  ([binary, "--rules", big_rules, "batch", few_big], None),
                                  ([binary, "--rules", big_rules, "batch", many_big], None)], RUNS)
    per_case = (dn - d1) / (SCALE_CASES - 1)
    per_case_big = (bn - b1) / (SCALE_CASES - 1)

    print("one-shot check:  %.2f ms / /bin/true %.2f ms = %.2fx (target <= 4)"
          % (check_s * 1e3, true_s * 1e3, check_s / true_s))
    print("batch %d cases: %.2f s / jq -c . %.2f s = %.3fx (target <= 0.25); %.0f cases/s"
          % (CASES, batch_s, jq_s, batch_s / jq_s, CASES / batch_s))
    print("batch peak RSS:  %.1f MiB (target <= 20)" % (rss / 1024))
    print("rule scaling:    %.2f us/case (10x rules) / %.2f us/case = %.2fx (target <= 10)"
          % (per_case_big * 1e6, per_case * 1e6, per_case_big / per_case))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
