# slurm_cluster.sh: sourced by tests that need Slurm. Starts a one-node
# cluster in a temporary folder: a munge key, munged on its own socket, a
# generated slurm.conf and cgroup.conf, slurmctld and slurmd started directly
# (no systemd), on ports no one else uses. slurm_stop stops them again.
#
#   slurm_start DIR      (returns non-zero, with a message, when it cannot)
#   slurm_stop
# After slurm_start, SLURM_CONF is exported, so sbatch and sinfo use the
# cluster.

slurm_missing_tools() {
    local t missing=
    for t in munged slurmctld slurmd sbatch sinfo scontrol; do
        command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
    done
    echo "$missing"
}

slurm_start() {
    SLURM_DIR=$1
    mkdir -p "$SLURM_DIR"/{state,spool,munge,logs}
    chmod 700 "$SLURM_DIR"/munge
    local node ports conf nodeline
    node=$(hostname -s)
    # Ports from the process id, so two test runs on one machine do not meet.
    ports=$((20000 + ($$ % 4000) * 2))
    dd if=/dev/urandom of="$SLURM_DIR/munge/munge.key" bs=1024 count=1 2>/dev/null
    chmod 400 "$SLURM_DIR/munge/munge.key"
    munged --force --key-file="$SLURM_DIR/munge/munge.key" \
        --socket="$SLURM_DIR/munge/munge.sock" --pid-file="$SLURM_DIR/munge/munged.pid" \
        --log-file="$SLURM_DIR/munge/munged.log" --seed-file="$SLURM_DIR/munge/munged.seed" \
        2>"$SLURM_DIR/munge/start.err" || {
        echo "munged did not start: $(cat "$SLURM_DIR/munge/start.err")"; return 1; }
    # The node as this machine describes itself (CPUs, memory).
    nodeline=$(slurmd -C 2>/dev/null | head -1)
    [ -n "$nodeline" ] || nodeline="NodeName=$node CPUs=$(nproc)"
    conf=$SLURM_DIR/slurm.conf
    cat > "$conf" <<CONF
ClusterName=beadtest
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ports
SlurmdPort=$((ports + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SLURM_DIR/munge/munge.sock
StateSaveLocation=$SLURM_DIR/state
SlurmdSpoolDir=$SLURM_DIR/spool
SlurmctldPidFile=$SLURM_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/slurmd.pid
SlurmctldLogFile=$SLURM_DIR/logs/slurmctld.log
SlurmdLogFile=$SLURM_DIR/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
$nodeline State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
    # No cgroup plugins are used (proctrack/linuxproc, task/none); this keeps
    # slurmd from looking for the system's cgroup set-up.
    cat > "$SLURM_DIR/cgroup.conf" <<CONF
CgroupAutomount=no
ConstrainCores=no
ConstrainRAMSpace=no
CONF
    export SLURM_CONF=$conf
    slurmctld -D -i -f "$conf" >"$SLURM_DIR/logs/slurmctld.out" 2>&1 &
    SLURMCTLD_PID=$!
    slurmd -D -f "$conf" >"$SLURM_DIR/logs/slurmd.out" 2>&1 &
    SLURMD_PID=$!
    local i state
    for i in $(seq 1 60); do
        state=$(sinfo -h -o %t 2>/dev/null | head -1)
        case $state in idle|mix|alloc) return 0 ;; esac
        if ! kill -0 "$SLURMCTLD_PID" 2>/dev/null || ! kill -0 "$SLURMD_PID" 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
    echo "the Slurm node did not come up (state '${state:-none}'); logs:"
    tail -5 "$SLURM_DIR"/logs/*.log "$SLURM_DIR"/logs/*.out 2>/dev/null
    return 1
}

slurm_stop() {
    local pid
    for pid in ${SLURMD_PID:-} ${SLURMCTLD_PID:-}; do
        kill "$pid" 2>/dev/null
    done
    for pid in ${SLURMD_PID:-} ${SLURMCTLD_PID:-}; do
        wait "$pid" 2>/dev/null
    done
    if [ -n "${SLURM_DIR:-}" ] && [ -S "$SLURM_DIR/munge/munge.sock" ]; then
        munged --stop --socket="$SLURM_DIR/munge/munge.sock" >/dev/null 2>&1
    fi
    SLURMD_PID= SLURMCTLD_PID=
}
