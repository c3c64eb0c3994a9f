#!/usr/bin/env bash
# Builds the binaries of the local test cluster (kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, etcd, kwok, kwokctl) and helm from Go modules, and prints the
# directory that holds them as its only line on stdout. Progress goes to stderr. Beside them it
# writes kwok-stages.yaml, kwok's default node and pod Stages of the same kwok version (the
# local cluster serves Stages from the API, so that tests can add their own, and kwokctl only
# installs the defaults when it does not).
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
# Needs a Go toolchain no older than the go lines of those modules (1.24) and a Go module proxy.
# The result is cached per set of versions in ${XDG_CACHE_HOME:-~/.cache}/infra/testbin, so a
# second run only checks that the binaries are there. A cold build takes a while on 2 cores
# (the four kube binaries share one `go build` so their common packages compile once).
set -euo pipefail

modules=$(cd "$(dirname "$0")/testbin" && pwd)
# shellcheck source=testbin/versions.env
source "$modules/versions.env"

fingerprint=$(cat "$modules/versions.env" "$modules"/*/go.mod "$modules"/*/go.sum | sha256sum | cut -c1-12)
key="k8s-$KUBE_VERSION.etcd-$ETCD_VERSION.helm-$HELM_VERSION.kwok-$KWOK_VERSION.$fingerprint"
bin="${XDG_CACHE_HOME:-$HOME/.cache}/infra/testbin/$key/bin"

declare -A outputs=(
  [kube]="kube-apiserver kube-controller-manager kube-scheduler kubectl"
  [etcd]="etcd"
  [helm]="helm"
  [kwok]="kwok kwokctl kwok-stages.yaml"
)

built() { # group -> success when all its outputs are in $bin
  local name
  for name in ${outputs[$1]}; do
    [[ -e "$bin/$name" ]] || return 1
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
  # What helm's Makefile sets: its version, and the Kubernetes version that charts see as
  # .Capabilities.KubeVersion, taken from the client-go it is built with (v0.34 -> 1.34).
  local client_go minor
  client_go=$(go list -m -f '{{.Version}}' k8s.io/client-go)
  minor=${client_go#v0.}
  minor=${minor%%.*}
  local flags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
  flags+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  local package
  for package in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    flags+=" -X $package.k8sVersionMajor=1 -X $package.k8sVersionMinor=$minor"
  done
  echo "$flags"
}

ldflags() { # group
  case $1 in
    kube) kube_ldflags ;;
    helm) helm_ldflags ;;
    *) echo "-s -w" ;;
  esac
}

write_kwok_stages() {
  # The stages kwokctl installs by default (node-initialize, node-heartbeat-with-lease and the
  # fast pod stages), from kwok's own module.
  local kwok stage
  kwok=$(go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  for stage in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
    pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
    echo "---"
    cat "$kwok/kustomize/stage/$stage.yaml"
  done > "$bin/kwok-stages.yaml"
}

build() { # group
  local started=$SECONDS
  echo "testbin: building ${outputs[$1]} (cd scripts/testbin/$1 && go build tool)" >&2
  (
    cd "$modules/$1"
    local output=$bin/
    # go.etcd.io/etcd/server/v3 would be named "server" or "etcd", depending on the go version.
    if [[ $1 == etcd ]]; then output=$bin/etcd; fi
    go build -ldflags "$(ldflags "$1")" -o "$output" tool
    if [[ $1 == kwok ]]; then write_kwok_stages; fi
  )
  echo "testbin: built ${outputs[$1]} in $((SECONDS - started))s" >&2
}

main() {
  local missing=()
  local group
  for group in kube etcd helm kwok; do
    built "$group" || missing+=("$group")
  done
  if ((${#missing[@]} > 0)); then
    command -v go >/dev/null || {
      echo "testbin: the test cluster is built from Go modules; install a Go toolchain (go.dev/doc/install)" >&2
      exit 1
    }
    # GOTOOLCHAIN=local: fetching another toolchain would need the checksum database too.
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -mod=readonly -buildvcs=false"
    mkdir -p "$bin"
    local started=$SECONDS
    for group in "${missing[@]}"; do
      build "$group"
    done
    echo "testbin: built all binaries in $((SECONDS - started))s into $bin" >&2
  fi
  echo "$bin"
}

# exit on the same line: bash never reads past it, even when this file is edited during a build.
main; exit
