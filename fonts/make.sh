#!/usr/bin/env bash
# Remake the web fonts of the reports and the site from Debian's Noto packages:
# Noto Sans (regular, italic, bold) and Noto Sans Mono (regular), subset to the
# Latin, Greek and punctuation ranges below and compressed as WOFF2 with
# fontTools. The output is committed; builds never download or look for fonts.
#
# Usage: bash fonts/make.sh   (on Debian or Ubuntu; needs apt-get and python3)
set -euo pipefail
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core fonts-noto-mono python3-fonttools python3-brotli >/dev/null
for deb in ./*.deb; do dpkg -x "$deb" x; done
export PYTHONPATH="$work/x/usr/lib/python3/dist-packages"
noto=x/usr/share/fonts/truetype/noto
# Latin with its extensions, IPA schwa and modifiers, combining marks, Greek,
# general punctuation, currency, letterlike symbols, arrows, mathematical
# operators (the minus sign), geometric shapes and the replacement character.
ranges='U+0000-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FFFD'
for face in Regular Italic Bold; do
  python3 -m fontTools.subset "$noto/NotoSans-$face.ttf" --unicodes="$ranges" \
    --layout-features='*' --flavor=woff2 --output-file="$out/NotoSans-$face.woff2"
done
python3 -m fontTools.subset "$noto/NotoSansMono-Regular.ttf" --unicodes='U+0000-024F,U+2010-2027,U+2212,U+FFFD' \
  --layout-features='*' --flavor=woff2 --output-file="$out/NotoSansMono-Regular.woff2"
# Noto Sans has no minus sign (U+2212), which every signed number uses: take it
# from Noto Sans Mono, whose minus is as wide as a figure. The style sheets load
# these two files for U+2212 only (unicode-range), as part of the Noto Sans family.
for face in Regular Bold; do
  python3 -m fontTools.subset "$noto/NotoSansMono-$face.ttf" --unicodes=U+2212 \
    --flavor=woff2 --output-file="$out/NotoSans-Minus-$face.woff2"
done
echo "wrote the fonts to $out"
