#!/bin/sh
# Install CareCompanion for this user, into ~/.local (no root needed).
# Run it from the unpacked tarball: ./install.sh     Remove with ./uninstall.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
bindir=$HOME/.local/bin
appdir=$prefix/carecompanion-app

echo "Installing CareCompanion into $appdir"
mkdir -p "$appdir" "$bindir"
rm -rf "$appdir/CareCompanion.new"
cp -a "$here/CareCompanion" "$appdir/CareCompanion.new"
rm -rf "$appdir/CareCompanion"
mv "$appdir/CareCompanion.new" "$appdir/CareCompanion"
ln -sf "$appdir/CareCompanion/CareCompanion" "$bindir/carecompanion"
cp -a "$here/share/." "$prefix/"
# The menu entry starts the app by its full path: ~/.local/bin is not on every desktop
# session's PATH.
desktop=$prefix/applications/io.github.carecompanion.CareCompanion.desktop
sed "s|^Exec=carecompanion |Exec=\"$appdir/CareCompanion/CareCompanion\" |" "$desktop" >"$desktop.new"
mv "$desktop.new" "$desktop"

# Refresh the desktop's caches when the tools are there (they are optional).
command -v update-mime-database >/dev/null && update-mime-database "$prefix/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true

echo "Done. Open CareCompanion from your applications menu, or run: carecompanion"
case ":$PATH:" in *":$bindir:"*) ;; *) echo "(Add $bindir to your PATH to run it from a terminal.)" ;; esac
