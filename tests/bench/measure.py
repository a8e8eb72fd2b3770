#!/usr/bin/env python3
"""Times sciatica against its yardsticks and prints the four ratios of issue 5.

Usage: measure.py SCIATICA WORKDIR   (tests/bench/run.sh builds and calls it)
Every figure is the median of runs interleaved with its yardstick's in this
one invocation, so a busy machine slows both sides alike. Output goes to
/dev/null for every command timed. Last, the history figures of issue 20:
`history` and `report` on BENCH_HISTORY_CHECKS saved checks, against
`sqlite3 FILE 'select count(*) from checks'`. Each line ends with "ok" or
"MISSED" against its target, and the exit status is 1 when one is missed.
BENCH_ONLY=history measures only the history figures.
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
HISTORY_CHECKS = int(os.environ.get("BENCH_HISTORY_CHECKS", "10000"))
MISSED = []


def target(line, met):
    """Prints `line` with whether its target is `met`, and remembers a miss."""
    print("%s %s" % (line, "ok" if met else "MISSED"))
    if not met:
        MISSED.append(line.split(":")[0])


def wall(argv, stdin_path=None, env=None):
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        code = subprocess.call(argv, stdin=stdin, stdout=subprocess.DEVNULL, env=env)
        elapsed = time.perf_counter() - start
    finally:
        if stdin_path:
            stdin.close()
    if code not in (0, 65):
        sys.exit("bench: %s exited with %d" % (" ".join(argv), code))
    return elapsed


def interleaved(commands, runs, env=None):
    """Median wall time of each (argv, stdin) in `commands`, run in turn."""
    times = [[] for _ in commands]
    for _ in range(runs):
        for i, (argv, stdin) in enumerate(commands):
            times[i].append(wall(argv, stdin, env))
    return [statistics.median(t) for t in times]


def generate(args, path):
    with open(path, "w", encoding="utf-8") as out:
        subprocess.check_call([sys.executable, os.path.join(HERE, "gen.py"), *args], stdout=out)


def peak_rss_kib(argv, env=None):
    p = subprocess.run(["/usr/bin/time", "-v", *argv], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, check=True, env=env)
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))


def make_history(binary, work, count):
    """A history of `count` saved checks (two real ones, copied), and its env."""
    import sqlite3
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"), COLUMNS="80")
    for answers in (["leg_pain=yes", "pain_score=4", "pain_below_knee=yes"],
                    ["leg_pain=yes", "pain_score=7", "leg_weakness=yes"]):
        flags = [part for answer in answers for part in ("--answer", answer)]
        subprocess.check_call([binary, "check", "--save", *flags], env=env,
                              stdout=subprocess.DEVNULL)
    path = os.path.join(work, "data", "sciatica", "history.sqlite3")
    db = sqlite3.connect(path)
    rows = db.execute("SELECT at, rules_version, answers, result FROM checks").fetchall()
    db.executemany("INSERT INTO checks (at, rules_version, answers, result) VALUES (?, ?, ?, ?)",
                   (rows[i % 2] for i in range(count - 2)))
    db.commit()
    db.close()
    return path, env


def history_figures(binary, work):
    path, env = make_history(binary, work, HISTORY_CHECKS)
    count, history_s, report_s = interleaved(
        [(["sqlite3", path, "select count(*) from checks"], None), ([binary, "history"], None),
         ([binary, "report"], None)], RUNS, env)
    rss = peak_rss_kib([binary, "history"], env)
    report_rss = peak_rss_kib([binary, "report"], env)
    listing = subprocess.run([binary, "history"], env=env, capture_output=True, text=True,
                             check=True).stdout
    widest = max(len(line) for line in listing.splitlines())
    subprocess.run([binary, "report"], env=env, stdout=subprocess.DEVNULL, check=True)
    mib = os.path.getsize(path) / 1048576
    target("history %d checks (%.0f MiB): %.1f ms / sqlite3 count %.1f ms = %.1fx; "
           "%.0f ms (target < 100)" % (HISTORY_CHECKS, mib, history_s * 1e3, count * 1e3,
                                       history_s / count, history_s * 1e3), history_s < 0.1)
    target("history peak RSS: %.1f MiB (target < 20); widest line at COLUMNS=80: %d (target <= 80)"
           % (rss / 1024, widest), rss < 20 * 1024 and widest <= 80)
    target("report %d checks: %.1f ms / sqlite3 count %.1f ms = %.1fx; %.0f ms (target < 1000)"
           % (HISTORY_CHECKS, report_s * 1e3, count * 1e3, report_s / count, report_s * 1e3),
           report_s < 1)
    target("report peak RSS: %.1f MiB (target < 20)" % (report_rss / 1024),
           report_rss < 20 * 1024)


def main(binary, work):
    if os.environ.get("BENCH_ONLY") == "history":
        history_figures(binary, work)
        return
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

    target("one-shot check:  %.2f ms / /bin/true %.2f ms = %.2fx (target <= 4)"
           % (check_s * 1e3, true_s * 1e3, check_s / true_s), check_s / true_s <= 4)
    target("batch %d cases: %.2f s / jq -c . %.2f s = %.3fx (target <= 0.25); %.0f cases/s"
           % (CASES, batch_s, jq_s, batch_s / jq_s, CASES / batch_s), batch_s / jq_s <= 0.25)
    target("batch peak RSS:  %.1f MiB (target <= 20)" % (rss / 1024), rss <= 20 * 1024)
    target("rule scaling:    %.2f us/case (10x rules) / %.2f us/case = %.2fx (target <= 10)"
           % (per_case_big * 1e6, per_case * 1e6, per_case_big / per_case),
           per_case_big / per_case <= 10)
    history_figures(binary, work)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
    if MISSED:
        sys.exit("bench: target missed: " + "; ".join(MISSED))
