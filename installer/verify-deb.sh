#!/usr/bin/env bash
# Installed, then run: unpacks the .deb that `./funnel installers` built (dpkg-deb -x, as the package manager
# would lay it out under /opt/funnel, no root needed), starts the packaged launcher under Xvfb with a fresh home,
# chooses "This computer", waits until the embedded backend answers from the user's data folder and the
# first-run screen has replaced the server choice, and saves a screenshot of the window (default:
# docs/screenshots/installed-first-run.png). Exits 1 when the app dies or never gets there.
# Needs Xvfb, xdotool, ImageMagick and curl (Debian/Ubuntu: apt-get install xvfb xdotool imagemagick curl).
set -euo pipefail

installer="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$installer")"
screenshot="${1:-$root/docs/screenshots/installed-first-run.png}"
wait_seconds="${FUNNEL_VERIFY_WAIT_SECONDS:-180}"

missing=()
for tool in dpkg-deb Xvfb xdotool import convert curl; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "verify-deb.sh: ${missing[*]} missing (Debian/Ubuntu: apt-get install dpkg xvfb xdotool imagemagick curl)" >&2
    exit 3
fi
deb="$(ls "$installer"/target/funnel_*.deb 2>/dev/null | head -n1 || true)"
if [ -z "$deb" ]; then
    echo "verify-deb.sh: no installer/target/funnel_*.deb: run ./funnel installers first" >&2
    exit 3
fi

work="$(mktemp -d)"
xvfb_pid=""
app_pid=""
stop() {
    if [ -n "$1" ]; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}
cleanup() {
    stop "$app_pid"
    stop "$xvfb_pid"
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "verify-deb.sh: $1; the console's output:" >&2
    sed 's/^/    /' "$work/console.log" >&2
    exit 1
}

app_alive() {
    kill -0 "$app_pid" 2>/dev/null
}

free_display() {
    local n
    for n in $(seq 90 140); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { echo "$n"; return; }
    done
    echo "verify-deb.sh: no free X display between :90 and :140" >&2
    exit 1
}

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# The vertical middle of the primary (teal) button on the window's centre line: the server choice's
# "Continue", the first-run screen's "Create organisation". Empty when there is none.
primary_button_y() {
    import -window "$window" "$work/window.png" 2>/dev/null || return 0
    local geometry
    geometry="$(convert "$work/window.png" -format '%w %h' info:)"
    set -- $geometry
    convert "$work/window.png" -crop "1x$2+$(($1 / 2))+0" +repage -fuzz 10% \
        -fill red -opaque 'rgb(15,118,110)' -fill black +opaque red txt:- |
        awk -F'[,:]' '/#FF0000/ { y[n++] = $2 } END { if (n > 10) print y[int(n / 2)] }'
}

# waits up to $wait_seconds for a command to succeed while the console lives, and says how long it took
wait_for() {
    local what="$1" started=$SECONDS
    shift
    until "$@"; do
        app_alive || fail "the console died while waiting for the $what"
        [ $((SECONDS - started)) -lt "$wait_seconds" ] || fail "no $what after ${wait_seconds}s"
        sleep 1
    done
    echo "$what after $((SECONDS - started))s"
}

echo "Unpacking $(basename "$deb")"
dpkg-deb -x "$deb" "$work/root"
launcher="$work/root/opt/funnel/bin/Funnel"
[ -x "$launcher" ] || { echo "verify-deb.sh: the package has no /opt/funnel/bin/Funnel" >&2; exit 1; }

display=":$(free_display)"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY="$display"

home="$work/home"
data="$home/.local/share/funnel"
port="$(free_port)"
mkdir -p "$home"
touch "$work/console.log"
# a fresh user: Java takes its home from the password database, so user.home is set as well as HOME
env -u XDG_DATA_HOME HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" FUNNEL_PORT="$port" \
    "$launcher" >"$work/console.log" 2>&1 &
app_pid=$!

window=""
find_window() {
    window="$(xdotool search --onlyvisible --classname dev.funnel.console.ConsoleApp 2>/dev/null | head -n1)"
    [ -n "$window" ]
}
choice_button=""
server_choice_shown() {
    choice_button="$(primary_button_y)"
    [ -n "$choice_button" ]
}
wait_for "console window" find_window
wait_for "server choice screen" server_choice_shown

eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool mousemove --window "$window" $((WIDTH / 2)) "$choice_button" click 1

backend_up() {
    curl -fs -m 2 "http://127.0.0.1:$port/auth/setup-status" >"$work/setup-status.json"
}
first_run_shown() {
    local y
    y="$(primary_button_y)"
    [ -n "$y" ] && [ "$y" != "$choice_button" ]
}
wait_for "embedded backend on port $port" backend_up
grep -q '"has_organisation":false' "$work/setup-status.json" ||
    fail "the fresh backend reports an organisation: $(cat "$work/setup-status.json")"
[ -f "$data/funnel.mv.db" ] || fail "no H2 database in the data folder $data (found: $(find "$home" -name '*.mv.db'))"
wait_for "first-run screen" first_run_shown
sleep 2
app_alive || fail "the console died on the first-run screen"

mkdir -p "$(dirname "$screenshot")"
import -window "$window" "$screenshot"
echo "Installed size $(du -sh "$work/root/opt/funnel" | cut -f1); data folder $(du -sh "$data" | cut -f1) ($data)"
echo "Screenshot: $screenshot"
