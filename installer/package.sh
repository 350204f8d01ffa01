#!/usr/bin/env bash
# Builds Funnel's distributions from the jars the Maven reactor has just packaged, into installer/target/:
#   Funnel/ (or Funnel.app)          the console as a jpackage app-image with a jlink-trimmed Java runtime
#   funnel_<v>_amd64.deb | .msi | .dmg  that image as an installer for this system (jpackage builds only the
#                                    native kind of the system it runs on: .deb on Linux, .msi on Windows
#                                    with WiX, .dmg on macOS; FUNNEL_PACKAGE_TYPE overrides, e.g. rpm)
#   funnel-gateway-<version>.tar.gz  the webhook gateway: runnable jar, bin/ start script, example env, systemd unit
#   funnel-backend-<version>.tar.gz  the headless backend, the same shape
# Run it through `./funnel installers` (or mvn -Pinstallers -pl installer -am package), which builds the jars first.
set -euo pipefail

installer="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$installer")"
out="$installer/target"
dist="$installer/src/main/dist"
java_major=25

name=Funnel
description="WhatsApp AI sales agent: the operator console with its embedded backend"
vendor=Funnel

case "$(uname -s)" in
    Linux) native=deb; icon="$installer/src/main/icon/funnel.png" ;;
    Darwin) native=dmg; icon="$installer/src/main/icon/funnel.icns" ;;
    MINGW* | MSYS* | CYGWIN*) native=msi; icon="$installer/src/main/icon/funnel.ico" ;;
    *) echo "package.sh: no native installer kind known for $(uname -s); set FUNNEL_PACKAGE_TYPE" >&2; exit 2 ;;
esac
native="${FUNNEL_PACKAGE_TYPE:-$native}"

# the system tools jpackage calls for this kind of installer: says what to install, before any build
check_tools() {
    local missing=()
    case "$native" in
        deb)
            command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
            command -v fakeroot >/dev/null 2>&1 || missing+=(fakeroot) ;;
        rpm) command -v rpmbuild >/dev/null 2>&1 || missing+=(rpm-build) ;;
    esac
    if [ ${#missing[@]} -gt 0 ]; then
        echo "jpackage builds the .$native with ${missing[*]}, which is missing: install it (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run this again." >&2
        exit 3
    fi
}

check_tools
if [ "${1:-}" = --check-tools ]; then
    exit 0
fi
version="${1:?usage: installer/package.sh PROJECT_VERSION | --check-tools}"
jdk_bin="${JAVA_HOME:?JAVA_HOME must point at a JDK $java_major or newer}/bin"
# jpackage wants a plain numeric version (0.1.0-SNAPSHOT -> 0.1.0); the tarballs keep Maven's
app_version="${version%%-*}"

require_built() {
    if [ ! -f "$1" ]; then
        echo "package.sh: $1 is missing: build with ./funnel installers (or mvn -Pinstallers -pl installer -am package)" >&2
        exit 2
    fi
}

seconds_since() {
    echo $(($(date +%s) - $1))
}

size_of() {
    du -sh "$1" | cut -f1
}

# The entries (libs/NAME.jar) of a runnable jar's manifest Class-Path, one a line.
manifest_class_path() {
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && "$jdk_bin/jar" xf "$1" META-INF/MANIFEST.MF)
    # manifest lines are wrapped at 72 bytes, each continuation starting with a space
    tr -d '\r' <"$tmp/META-INF/MANIFEST.MF" |
        awk '/^ / { line = line substr($0, 2); next } { if (line != "") print line; line = $0 } END { print line }' |
        sed -n 's/^Class-Path: //p' | tr ' ' '\n'
    rm -rf "$tmp"
}

# Copies a module's runnable jar and the libs its manifest names into a folder: only those, never a jar an
# earlier dependency version left in target/libs (jpackage puts every jar it is given on the class path).
stage_jar() {
    local module="$1" jar="$2" into="$3" entry
    require_built "$root/$module/target/$jar"
    mkdir -p "$into/libs"
    cp "$root/$module/target/$jar" "$into/"
    for entry in $(manifest_class_path "$root/$module/target/$jar"); do
        cp "$root/$module/target/$entry" "$into/$entry"
    done
}

# The JDK modules the console needs: what jdeps finds in every jar (service providers such as the H2 driver
# or Helidon's are reached only through META-INF/services, so every jar is a root), plus modules used
# only reflectively: jdk.unsupported (sun.misc.Unsafe), jdk.localedata (dates and numbers in the
# person's language), jdk.charsets, jdk.zipfs.
# A modular jar whose descriptor requires a module that is not shipped (commons-compress, brought by the offline
# embedding model, asks for commons-lang3, which the console never loads) stops jdeps: such a jar is read on its
# own without its versioned entries (as the class path loads it: an unnamed module) and left out of the rest.
console_modules() {
    local jars=("$1/funnel-console.jar" "$1"/libs/*.jar) extra="" out name jar kept
    while ! out=$("$jdk_bin/jdeps" --multi-release "$java_major" --ignore-missing-deps --print-module-deps \
            "${jars[@]}" 2>&1); do
        name=$(sed -n 's/.*required by \([^ ,]*\).*/\1/p' <<<"$out" | head -n1)
        [ -n "$name" ] || { echo "$out" >&2; return 1; }
        kept=()
        for jar in "${jars[@]}"; do
            if "$jdk_bin/jar" --describe-module --file="$jar" --release "$java_major" 2>/dev/null \
                    | grep -q "^$name@"; then
                extra="$extra,$("$jdk_bin/jdeps" --multi-release base --ignore-missing-deps --print-module-deps "$jar")"
            else
                kept+=("$jar")
            fi
        done
        [ ${#kept[@]} -lt ${#jars[@]} ] || { echo "$out" >&2; return 1; }
        jars=("${kept[@]}")
    done
    echo "$out$extra,jdk.unsupported,jdk.localedata,jdk.charsets,jdk.zipfs" | tr ',' '\n' | sed '/^$/d' | sort -u \
        | paste -sd, -
}

# One --java-options per line of console-ui/console.jvmopts (blank lines and # comments skipped).
console_java_options() {
    local file="$root/console-ui/console.jvmopts" line
    echo "--java-options"
    echo "--enable-native-access=ALL-UNNAMED"
    [ -f "$file" ] || return 0
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line#"${line%%[![:space:]]*}"}"
        line="${line%"${line##*[![:space:]]}"}"
        [ -z "$line" ] || [ "${line:0:1}" = "#" ] && continue
        echo "--java-options"
        echo "$line"
    done <"$file"
}

build_console() {
    local input="$out/console-input" started
    started=$(date +%s)
    rm -rf "$input" "$out/$name" "$out/$name.app"
    stage_jar console-ui funnel-console.jar "$input"
    local modules line java_options=()
    modules=$(console_modules "$input")
    while IFS= read -r line; do
        java_options+=("$line")
    done < <(console_java_options)
    echo "Console runtime modules: $modules"
    "$jdk_bin/jpackage" --type app-image --dest "$out" \
        --name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description" \
        --icon "$icon" \
        --input "$input" --main-jar funnel-console.jar --main-class dev.funnel.console.ConsoleMain \
        --add-modules "$modules" \
        --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
        "${java_options[@]}"
    image_seconds=$(seconds_since "$started")

    started=$(date +%s)
    image="$out/$name"
    [ -d "$out/$name.app" ] && image="$out/$name.app"
    rm -f "$out"/*."$native"
    local native_options=()
    case "$native" in
        deb | rpm) native_options=(--linux-package-name funnel --linux-shortcut
            --linux-menu-group "Office;Network;" --linux-app-category misc
            --linux-deb-maintainer "${FUNNEL_DEB_MAINTAINER:-funnel@localhost}") ;;
        msi) native_options=(--win-menu --win-menu-group "$name" --win-shortcut --win-dir-chooser
            --win-upgrade-uuid 3f6c1f8e-2d0b-4c43-9a57-5b2f3a0d9e11) ;;
        dmg) native_options=(--mac-package-name "$name") ;;
    esac
    "$jdk_bin/jpackage" --type "$native" --dest "$out" --app-image "$image" \
        --name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description" \
        --icon "$icon" "${native_options[@]}"
    native_seconds=$(seconds_since "$started")
    native_file=$(ls "$out"/*."$native")
}

# A server distribution: funnel-<what>-<version>/ with the jar, libs/, bin/funnel-<what>, the example
# environment file and the systemd unit, as a .tar.gz.
build_server() {
    local what="$1" module="$2" jar="$3" title="$4"
    local base="funnel-$what-$version"
    local folder="$out/$base"
    rm -rf "$folder" "$out/$base.tar.gz"
    stage_jar "$module" "$jar" "$folder"
    mkdir -p "$folder/bin"
    sed -e "s|@TITLE@|$title|g" -e "s|@NAME@|funnel-$what|g" -e "s|@JAR@|$jar|g" \
        -e "s|@ENV_EXAMPLE@|$what.env.example|g" -e "s|@UNIT@|funnel-$what.service|g" \
        -e "s|@JAVA_MAJOR@|$java_major|g" "$dist/start.sh.in" >"$folder/bin/funnel-$what"
    chmod 755 "$folder/bin/funnel-$what"
    cp "$dist/$what.env.example" "$dist/funnel-$what.service" "$folder/"
    tar -C "$out" -czf "$out/$base.tar.gz" "$base"
    rm -rf "$folder"
}

mkdir -p "$out"
build_console
started=$(date +%s)
build_server gateway webhook-gateway webhook-gateway.jar "the Funnel webhook gateway"
build_server backend backend-core backend-core.jar "the Funnel backend"
server_seconds=$(seconds_since "$started")

echo
echo "Funnel $version distributions in $out:"
printf '  %-36s %6s  %4ss (jlink and jpackage)\n' "$(basename "$image")/" "$(size_of "$image")" "$image_seconds"
printf '  %-36s %6s  %4ss\n' "$(basename "$native_file")" "$(size_of "$native_file")" "$native_seconds"
for what in gateway backend; do
    printf '  %-36s %6s\n' "funnel-$what-$version.tar.gz" "$(size_of "$out/funnel-$what-$version.tar.gz")"
done
echo "  (both tarballs in ${server_seconds}s)"
