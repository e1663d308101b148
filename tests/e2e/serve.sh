# Sourced by the e2e scripts: `jobfair serve` in the background on a port the kernel picks.
# A port drawn at random by the script raced with the other tests' outgoing connections, which
# take their ports from the same range (CI once saw "cannot listen on 127.0.0.1:37520").
#
# serve_in_background BIN_DIR LOG PORT [serve options...]
#   PORT 0: any free port (the server prints the one it got); a number: that port again, e.g.
#   after a restart. Appends to LOG; sets server_pid and port; returns 1 (LOG on stderr) when
#   the server dies or does not listen within 60 s.
serve_in_background() {
    local bin_dir=$1 log=$2 wanted=$3
    shift 3
    local lines_before=0
    [[ -f "$log" ]] && lines_before=$(wc -l <"$log")
    "$bin_dir/jobfair" serve --listen "127.0.0.1:$wanted" "$@" >>"$log" 2>&1 &
    server_pid=$!
    port=""
    for _ in $(seq 1 600); do
        port=$(tail -n "+$((lines_before + 1))" "$log" |
            sed -n 's|.* on http://127\.0\.0\.1:\([0-9]*\)/api/v1 (Ctrl-C stops).*|\1|p' | head -1)
        [[ -n "$port" ]] && return 0
        if ! kill -0 "$server_pid" 2>/dev/null; then
            cat "$log" >&2
            echo "e2e: jobfair serve stopped before it listened" >&2
            return 1
        fi
        sleep 0.1
    done
    cat "$log" >&2
    echo "e2e: jobfair serve did not listen within 60 s" >&2
    return 1
}
