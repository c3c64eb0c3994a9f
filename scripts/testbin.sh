#!/usr/bin/env bash
# Builds the binaries of the local test cluster (kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, etcd, kwok, kwokctl) and two helms from Go modules, and prints the
# directory that holds them as its only line on stdout: there `helm` is helm 4 and `helm3` the
# newest helm 3. Progress goes to stderr. `testbin.sh GROUP...` (kube etcd helm helm3 kwok helmfile)
# builds only those and prints the directory of each (scripts/install.sh builds helm so). Beside them it writes kwok-stages.yaml, kwok's default
# node and pod Stages of the same kwok version (the local cluster serves Stages from the API, so
# that tests can add their own, and kwokctl only installs the defaults when it does not).
#
# Our machines have no Docker engine and reach no download site, only package registries, so
# release binaries and cluster images are out of reach; every piece is a Go module instead.
# The versions are in scripts/testbin/versions.env; each group is built from a wrapper module
# under scripts/testbin/ (see update-modules.sh there for why those exist).
#
# sum.golang.org cannot be reached from here, so the checksum database cannot vouch for the
# modules. Their go.sum files are committed instead and `go` verifies every download against
# them; a module missing from go.sum fails the build rather than being trusted silently.
#
# Needs a Go toolchain no older than the go lines of those modules (1.26) and a Go module proxy.
# Each group is cached on its own in ${XDG_CACHE_HOME:-~/.cache}/infra/testbin, keyed by its
# version and its go.mod and go.sum, so changing helm rebuilds helm only; the printed directory
# links to the groups' binaries. A cold build takes a while on 2 cores (the four kube binaries
# share one `go build` so their common packages compile once); runs started at once wait for
# each other's build rather than repeat it.
set -euo pipefail

modules=$(cd "$(dirname "$0")/testbin" && pwd)
# shellcheck source=testbin/versions.env
source "$modules/versions.env"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/infra/testbin

groups=(kube etcd helm helm3 kwok)
# helmfile (for the test of `infra export helmfile` and the benchmark) only when named: the
# sandbox runs this script too, and its users should not wait for helmfile's long build
optional=(helmfile)
declare -A versions=([kube]=$KUBE_VERSION [etcd]=$ETCD_VERSION [helm]=$HELM_VERSION
  [helm3]=$HELM3_VERSION [kwok]=$KWOK_VERSION [helmfile]=$HELMFILE_VERSION)
declare -A outputs=(
  [kube]="kube-apiserver kube-controller-manager kube-scheduler kubectl"
  [etcd]="etcd"
  [helm]="helm"
  [helm3]="helm"
  [kwok]="kwok kwokctl kwok-stages.yaml"
  [helmfile]="helmfile"
)

group_dir() { # group -> the cache directory of its binaries
  local fingerprint
  fingerprint=$(cat "$modules/$1/go.mod" "$modules/$1/go.sum" | sha256sum | cut -c1-12)
  echo "$cache/$1-${versions[$1]}-$fingerprint"
}

built() { # group -> success when all its outputs are in its directory
  local dir name
  dir=$(group_dir "$1")
  for name in ${outputs[$1]}; do
    [[ -e "$dir/$name" ]] || return 1
  done
}

kube_ldflags() {
  local minor=${KUBE_VERSION#v1.}
  minor=${minor%%.*}
  local package flags="-s -w"
  # What hack/lib/version.sh sets upstream; kwokctl reads the version from `--version`.
  for package in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $package.gitVersion=$KUBE_VERSION -X $package.gitMajor=1"
    flags+=" -X $package.gitMinor=$minor -X $package.gitTreeState=clean"
    flags+=" -X $package.buildDate=1970-01-01T00:00:00Z"
  done
  echo "$flags"
}

helm_ldflags() {
  # What helm 4's Makefile sets; it reads the Kubernetes version that charts see as
  # .Capabilities.KubeVersion from the client-go in its build info.
  local version=helm.sh/helm/v4/internal/version
  echo "-s -w -X $version.version=$HELM_VERSION -X $version.gitTreeState=clean"
}

helm3_ldflags() {
  # What helm 3's Makefile sets: its version, and the Kubernetes version that charts see as
  # .Capabilities.KubeVersion, taken from the client-go it is built with (v0.36 -> 1.36).
  local client_go minor
  client_go=$(go list -m -f '{{.Version}}' k8s.io/client-go)
  minor=${client_go#v0.}
  minor=${minor%%.*}
  local flags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM3_VERSION"
  flags+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  local package
  for package in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    flags+=" -X $package.k8sVersionMajor=1 -X $package.k8sVersionMinor=$minor"
  done
  echo "$flags"
}

helmfile_ldflags() {
  # What helmfile's Makefile sets; `helmfile version` prints it.
  echo "-s -w -X go.szostok.io/version.version=$HELMFILE_VERSION -X go.szostok.io/version.dirtyBuild=false"
}

ldflags() { # group
  case $1 in
    kube) kube_ldflags ;;
    helm) helm_ldflags ;;
    helm3) helm3_ldflags ;;
    helmfile) helmfile_ldflags ;;
    *) echo "-s -w" ;;
  esac
}

write_kwok_stages() { # into directory
  # The stages kwokctl installs by default (node-initialize, node-heartbeat-with-lease and the
  # fast pod stages), from kwok's own module.
  local kwok stage
  kwok=$(go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  for stage in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
    pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
    echo "---"
    cat "$kwok/kustomize/stage/$stage.yaml"
  done > "$1/kwok-stages.yaml"
}

build() { # group
  local started=$SECONDS dir
  dir=$(group_dir "$1")
  echo "testbin: building ${outputs[$1]} ${versions[$1]} (cd scripts/testbin/$1 && go build tool)" >&2
  # built aside and renamed into place, so an interrupted build never looks finished
  rm -rf "$dir.partial"
  mkdir -p "$dir.partial"
  (
    cd "$modules/$1"
    local output=$dir.partial/
    # go.etcd.io/etcd/server/v3 would be named "server" or "etcd", depending on the go version.
    if [[ $1 == etcd ]]; then output=$dir.partial/etcd; fi
    go build -ldflags "$(ldflags "$1")" -o "$output" tool
    if [[ $1 == kwok ]]; then write_kwok_stages "$dir.partial"; fi
  )
  rm -rf "$dir"
  mv "$dir.partial" "$dir"
  echo "testbin: built ${outputs[$1]} ${versions[$1]} in $((SECONDS - started))s" >&2
}

build_missing() {
  local missing=() group
  for group in "${groups[@]}"; do
    built "$group" || missing+=("$group")
  done
  ((${#missing[@]} > 0)) || return 0
  command -v go >/dev/null || {
    echo "testbin: the test cluster is built from Go modules; install a Go toolchain (go.dev/doc/install)" >&2
    exit 1
  }
  # GOTOOLCHAIN=local: fetching another toolchain would need the checksum database too.
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -mod=readonly -buildvcs=false"
  local started=$SECONDS
  for group in "${missing[@]}"; do
    # one lock per group: a long build (helmfile) does not hold up runs that need the others
    (
      exec 9>"$cache/.lock-$group"
      flock 9
      built "$group" || build "$group"
    )
  done
  echo "testbin: built ${missing[*]} in $((SECONDS - started))s into $cache" >&2
}

link_all() { # -> the directory that links to every group's binaries, made once per set of groups
  local dirs=() group name
  for group in "${groups[@]}"; do dirs+=("$(group_dir "$group")"); done
  local bin
  bin=$cache/bin-$(printf '%s\n' "${dirs[@]}" | sha256sum | cut -c1-12)
  [[ -d $bin ]] && { echo "$bin"; return; }
  rm -rf "$bin.partial"
  mkdir -p "$bin.partial"
  for group in kube etcd helm kwok; do
    for name in ${outputs[$group]}; do
      ln -s "$(group_dir "$group")/$name" "$bin.partial/$name"
    done
  done
  ln -s "$(group_dir helm3)/helm" "$bin.partial/helm3"
  mv "$bin.partial" "$bin"
  echo "$bin"
}

main() { # [group...]
  mkdir -p "$cache"
  if (($# == 0)); then
    build_missing
    exec 9>"$cache/.lock"
    flock 9
    link_all
    return
  fi
  local group
  for group in "$@"; do
    [[ -v "versions[$group]" ]] || { echo "testbin: no group $group (${groups[*]} ${optional[*]})" >&2; exit 2; }
  done
  groups=("$@")
  build_missing
  for group in "$@"; do group_dir "$group"; done
}

# exit on the same line: bash never reads past it, even when this file is edited during a build.
main "$@"; exit
