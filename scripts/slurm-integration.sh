#!/usr/bin/env bash
# Slurm integration test, run by hand (not in CI): a single-node Slurm cluster on this machine runs a
# small experiment as a job array through 'slurm-script', and the merged records must equal a local run's.
#
#   sudo bash scripts/slurm-integration.sh        # ends with PASS or FAIL (exit 0 or 1)
#
# Needs root, Debian (apt-get) and the network to Debian's package mirror; it installs slurm-wlm and
# munge, rewrites /etc/slurm/slurm.conf and starts munged, slurmctld and slurmd (stopped again at the end
# unless KEEP_SLURM=1). Use a scratch machine or container. No cgroups: proctrack/linuxproc, task/none.
# See docs/experiments.md, "Testing on a real Slurm".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/lstm-repro-slurm.XXXXXX)"
say() { echo "slurm-integration: $*"; }

[ "$(id -u)" = 0 ] || { say "needs root (apt-get, /etc/slurm, the daemons)"; exit 2; }

say "installing slurm-wlm and munge (Debian packages)"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host="$(hostname -s)"
cpus="$(nproc)"
mem="$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)"
say "configuring a single-node cluster: node $host, $cpus CPUs, ${mem} MB"
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=lstmrepro
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

stop_daemons() {
  [ "${KEEP_SLURM:-0}" = 1 ] && return 0
  for d in slurmd slurmctld; do
    [ -f "/run/$d.pid" ] && kill "$(cat "/run/$d.pid")" 2>/dev/null || true
  done
}
trap stop_daemons EXIT

say "starting munged, slurmctld, slurmd"
if ! pgrep -x munged >/dev/null; then
  mkdir -p /run/munge && chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged
fi
pgrep -x slurmctld >/dev/null || slurmctld
pgrep -x slurmd >/dev/null || slurmd
for _ in $(seq 1 30); do
  sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)' && break
  sleep 1
done
sinfo
sinfo -h -o '%t' | grep -qE '^(idle|mix|alloc)' || { say "the node did not come up (see /var/log/slurm)"; exit 1; }

say "building the jar"
(cd "$root" && ./lstm-repro --version)

cat > "$work/tiny.yaml" <<YAML
name: slurm-tiny
description: two models, two seeds, tiny budgets on adding T = 30 (the Slurm integration test)
seeds: 2
tasks:
  - id: adding
    settings: {length: 30}
    budget: 300
models:
  - model: original1997
  - model: rnn
    optimizer: adam
    clipping: norm:1
    hyperparameters: {learningRate: 0.01}
YAML

out="$work/run"
say "writing the script (from another directory than the checkout: paths must be absolute)"
(cd / && "$root/lstm-repro" slurm-script "$work/tiny.yaml" --shards 2 --out "$out" --time 00:10:00 > "$work/tiny.sbatch")
cat "$work/tiny.sbatch"

say "submitting and waiting"
(cd / && sbatch --wait "$work/tiny.sbatch")
ls "$out/logs"
jar="$out/lstm-repro.jar"
java -jar "$jar" merge "$out" "$out"/shards/*/
say "completeness (reproduce --list on the merged store):"
java -jar "$jar" reproduce "$work/tiny.yaml" --out "$out" --list | tee "$work/list.txt"
java -jar "$jar" report "$out" | head -3

say "the same experiment locally"
java -jar "$jar" reproduce "$work/tiny.yaml" --out "$work/local" > /dev/null 2>&1

/usr/bin/python3 - "$out" "$work/local" "$work/list.txt" <<'PY'
import json, pathlib, sys
merged, local, listing = map(pathlib.Path, sys.argv[1:4])
def records(d):
    out = {}
    for f in sorted((d / "trials").glob("*.json")):
        r = json.loads(f.read_text())
        for volatile in ("seconds", "provenance", "commit"):
            r.pop(volatile, None)
        out[r["key"]] = r
    return out
a, b = records(merged), records(local)
problems = []
if not all(" done " in line for line in listing.read_text().splitlines() if line.strip()):
    problems.append("--list shows trials not done")
if set(a) != set(b):
    problems.append(f"different trials: merged {len(a)}, local {len(b)}")
for k in sorted(set(a) & set(b)):
    if a[k] != b[k]:
        problems.append(f"trial {k} differs in " + ", ".join(sorted(f for f in a[k] if a[k].get(f) != b[k].get(f))))
print(f"slurm-integration: {len(a)} merged records, {len(b)} local records compared")
for p in problems:
    print("slurm-integration: " + p)
print("PASS" if not problems else "FAIL")
sys.exit(0 if not problems else 1)
PY
