#!/usr/bin/env bash
# A stand-in for libsecret's secret-tool on machines without a Secret Service (CI): same command line, exit codes and
# streams, but the items are files in the folder given as the first argument. Every command line is appended to
# argv.log there, so tests can prove that no secret is ever passed as an argument. The file "mode" in that folder
# makes it behave like a locked keyring, one that refuses only new items, one that never answers, or one that gives
# back something else than it was given.
dir=$1
shift
printf '%s\n' "$*" >> "$dir/argv.log"
mode=$(cat "$dir/mode" 2>/dev/null || echo working)
case "$mode-$1" in
  locked-* | refuses_store-store)
    cat > /dev/null
    echo "secret-tool: Cannot create an item in a locked collection" >&2
    exit 1 ;;
  hang-*)
    exec sleep 300 ;;
esac
command=$1
shift
if [ "$command" = store ]; then
  shift # --label=...
fi
if [ "$1 $2 $3" != "service walbridge key" ] || [ -z "$4" ]; then
  echo "secret-tool: unexpected attributes: $*" >&2
  exit 2
fi
mkdir -p "$dir/items"
item="$dir/items/$4"
case "$command" in
  store)
    if [ "$mode" = garbled ]; then
      { cat; echo; } > "$item"
    else
      cat > "$item"
    fi ;;
  lookup)
    [ -f "$item" ] || exit 1
    cat "$item" ;;
  clear)
    [ -f "$item" ] || exit 1
    rm "$item" ;;
  *)
    echo "secret-tool: unknown command $command" >&2
    exit 2 ;;
esac
