#!/bin/sh
# Rasterises the icon sources in build/icon-src (SVG) into the PNGs the app and its packages use.
# Run after editing a source: needs ImageMagick (`apt-get install imagemagick`). The PNGs are
# committed so that building never needs ImageMagick.
set -eu
cd "$(dirname "$0")/../build"
IM=${IMAGEMAGICK_CONVERT:-convert}
[ -x /usr/bin/convert ] && IM=${IMAGEMAGICK_CONVERT:-/usr/bin/convert}

"$IM" -background none -density 384 icon-src/icon.svg -resize 512x512 -depth 8 icon.png
for name in tray-light tray-dark tray-light-unread tray-dark-unread tray-light-paused tray-dark-paused tray-light-paused-unread tray-dark-paused-unread; do
  # 16 px for Windows/Linux panels at 1x, 32 px is picked up as @2x (macOS menu bar, HiDPI).
  "$IM" -background none -density 384 "icon-src/$name.svg" -resize 16x16 -depth 8 "tray/$name.png"
  "$IM" -background none -density 384 "icon-src/$name.svg" -resize 32x32 -depth 8 "tray/$name@2x.png"
done
echo "icons written to $(pwd)"
