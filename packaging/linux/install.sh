#!/bin/sh
# Install (or remove) Casebook from this unpacked folder, with a menu entry and icons.
#
#   ./install.sh               as a normal user: for you alone (~/.local)
#   sudo ./install.sh          as root: for everyone on this computer (/opt, /usr/local)
#   ./install.sh --user | --system    choose explicitly
#   ./install.sh --uninstall [--user | --system]
#
# Per user:  the app in ~/.local/opt/casebook, the command ~/.local/bin/casebook, the menu
#            entry and icons under ~/.local/share (or $XDG_DATA_HOME).
# System:    the app in /opt/casebook, the command /usr/local/bin/casebook, the menu entry
#            and icons under /usr/local/share.
# It copies files and nothing else: no network, no services, no changes to other programs.
# Casebooks themselves are never touched, by installing or by uninstalling.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
mode=""
action=install
for arg in "$@"; do
    case "$arg" in
        --user) mode=user ;;
        --system) mode=system ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done
if [ -z "$mode" ]; then
    if [ "$(id -u)" -eq 0 ]; then mode=system; else mode=user; fi
fi

if [ "$mode" = system ]; then
    app_dir=/opt/casebook
    bin_dir=/usr/local/bin
    data_dir=/usr/local/share
else
    : "${HOME:?HOME is not set}"
    app_dir="$HOME/.local/opt/casebook"
    bin_dir="$HOME/.local/bin"
    data_dir="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
desktop_file="$data_dir/applications/casebook.desktop"
icon_root="$data_dir/icons/hicolor"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_dir/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icon_root" 2>/dev/null || true
    fi
}

remove_icons() {
    for icon in "$icon_root"/*/apps/casebook.png "$icon_root"/scalable/apps/casebook.svg; do
        [ -e "$icon" ] && rm -f "$icon"
    done
    # Folders left empty (rmdir removes nothing that still holds another app's icon).
    for folder in "$icon_root"/*/apps "$icon_root"/*; do
        if [ -d "$folder" ]; then rmdir "$folder" 2>/dev/null || true; fi
    done
    return 0
}

if [ "$action" = uninstall ]; then
    rm -f "$desktop_file"
    remove_icons
    if [ -L "$bin_dir/casebook" ]; then rm -f "$bin_dir/casebook"; fi
    rm -rf "$app_dir"
    refresh_caches
    echo "Casebook removed ($mode install). Casebooks and their backups were not touched."
    exit 0
fi

if [ ! -x "$here/casebook" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run this from the unpacked Casebook folder (casebook, _internal/)." >&2
    exit 1
fi

# Copy beside the old copy, then swap, so a failed copy leaves the installed app working.
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$data_dir/applications"
staging="$app_dir.new.$$"
rm -rf "$staging"
cp -R "$here" "$staging"
rm -rf "$app_dir.old"
if [ -e "$app_dir" ]; then mv "$app_dir" "$app_dir.old"; fi
mv "$staging" "$app_dir"
rm -rf "$app_dir.old"

ln -sf "$app_dir/casebook" "$bin_dir/casebook"

remove_icons
for icon in "$app_dir"/icons/hicolor/*/apps/casebook.*; do
    size_dir=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$icon_root/$size_dir/apps"
    cp "$icon" "$icon_root/$size_dir/apps/"
done

# The menu entry, pointing at this copy (the launcher's PATH may not include ~/.local/bin).
sed -e "s|^Exec=.*|Exec=\"$app_dir/casebook\"|" \
    -e "s|^TryExec=.*|TryExec=$app_dir/casebook|" \
    "$app_dir/casebook.desktop" > "$desktop_file.tmp"
chmod 644 "$desktop_file.tmp"
mv "$desktop_file.tmp" "$desktop_file"
refresh_caches

echo "Casebook $("$app_dir/casebook" --version 2>/dev/null | sed 's/^casebook //') installed ($mode): $app_dir"
echo "Open it from the applications menu, or run: $bin_dir/casebook"
