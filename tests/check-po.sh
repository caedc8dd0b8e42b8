#!/bin/sh
# Fails when po/vi.po misses a translatable string of the sources, has fuzzy or invalid entries,
# or when a source file with translatable strings is not listed in po/POTFILES.in.
set -eu
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"

status=0
for f in src/*.c src/*/*.c ui/*.ui data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; do
  [ -e "$f" ] || continue
  # Desktop, metainfo and schema files are translatable by nature, with no markers to grep for.
  case "$f" in
    data/*) translatable=yes ;;
    *) grep -qE '(^|[^a-zA-Z_])(_|N_|C_|NC_|g_dngettext)\(|translatable="yes"' "$f" && translatable=yes || translatable=no ;;
  esac
  if [ "$translatable" = yes ] && ! grep -qx "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from="$tmp/files" -o "$tmp/lsmap.pot" 2>"$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching "po/vi.po" "$tmp/lsmap.pot" -o "$tmp/vi.po"
msgfmt --check -o /dev/null po/vi.po

untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/vi.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/vi.po | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when anything is left.
[ "$untranslated" -gt 1 ] && { echo "po/vi.po lacks $((untranslated - 1)) strings:"; msgattrib --untranslated --no-obsolete "$tmp/vi.po" | grep '^msgid '; status=1; }
[ "$fuzzy" -gt 1 ] && { echo "po/vi.po has $((fuzzy - 1)) fuzzy entries"; status=1; }
exit $status
