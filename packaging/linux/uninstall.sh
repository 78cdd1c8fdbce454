#!/bin/sh
# Remove CareCompanion from ~/.local. Your journal (the vault in ~/.local/share/CareCompanion)
# is NOT touched: delete that folder yourself only if you are sure.
set -eu
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
id=io.github.carecompanion.CareCompanion
rm -rf "$prefix/carecompanion-app"
rm -f "$HOME/.local/bin/carecompanion" "$prefix/applications/$id.desktop" \
      "$prefix/metainfo/$id.metainfo.xml" "$prefix/mime/packages/$id.xml"
find "$prefix/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
command -v update-mime-database >/dev/null && update-mime-database "$prefix/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
echo "CareCompanion was removed. Your journal is still in $prefix/CareCompanion."
