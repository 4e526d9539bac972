#!/bin/sh
# Draws the built-in dialogs' default images (ssprkit's own artwork) with ImageMagick. The committed files are this
# script's output; run it again after changing it. Sizes are the ones WiX documents for replacing the images
# (WixUIBannerBmp 493x58, WixUIDialogBmp 493x312); icons are 32x32 (info, exclamation) and 16x16 (new, up).
set -eu
cd "$(dirname "$0")"
strip="-define bmp:format=bmp3 -type palette -colors 256 -compress None +set date:create +set date:modify -strip"
convert -size 493x58 xc:white -fill '#1f4e79' -draw 'rectangle 433,0 492,57' -fill '#2e75b6' -draw 'rectangle 413,0 432,57' \
  -fill '#9dc3e6' -draw 'rectangle 0,56 492,57' $strip BMP3:banner.bmp
convert -size 164x312 gradient:'#2e75b6-#1f4e79' \( -size 329x312 xc:white \) +append \
  -fill '#9dc3e6' -draw 'rectangle 164,0 167,311' $strip BMP3:dialog.bmp
convert -size 32x32 xc:none -fill '#2e75b6' -draw 'circle 16,16 16,2' -fill white -draw 'rectangle 14,13 18,25' -draw 'circle 16,8 16,6' info.png
convert -size 32x32 xc:none -fill '#f2c94c' -stroke '#7f6000' -draw 'polygon 16,2 30,29 2,29' -stroke none -fill black \
  -draw 'rectangle 15,10 17,21' -draw 'rectangle 15,24 17,26' exclamation.png
convert -size 16x16 xc:none -fill '#e9c46a' -stroke '#7f6000' -draw 'rectangle 1,5 14,14' -draw 'rectangle 1,3 6,5' -stroke none \
  -fill '#2a9d8f' -draw 'circle 12,4 12,1' new.png
convert -size 16x16 xc:none -fill '#e9c46a' -stroke '#7f6000' -draw 'rectangle 1,5 14,14' -draw 'rectangle 1,3 6,5' -stroke none \
  -fill '#1f4e79' -draw 'polygon 8,6 12,10 9,10 9,13 7,13 7,10 4,10' up.png
for i in info exclamation new up; do convert $i.png +set date:create +set date:modify -strip ICO:$i.ico; rm $i.png; done
