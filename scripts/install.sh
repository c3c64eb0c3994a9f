#!/usr/bin/env bash
# Builds infra from this checkout: the jar, a class-data (CDS) archive for fast start-up, and the shell
# completion scripts. Needs Java 17+ and Maven; touches nothing outside the checkout except
# Maven's own repository, and infra's cache when it builds helm.
#
# infra runs helm 3.18+ or 4. When there is none on PATH, this says how to get one and, where a
# Go toolchain is present, builds the helm 4 that the tests use (pinned in
# scripts/testbin/versions.env) into ~/.cache/infra, where cli/infra finds it. On a terminal it
# asks first; elsewhere (CI, a pipe) it builds. --helm builds it even when PATH has a helm,
# --no-helm never does.
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$home"
# the helm cli/infra runs when INFRA_HELM is unset; keep in step with cli/infra
helm_link=${XDG_CACHE_HOME:-$HOME/.cache}/infra/helm

build_helm=ask
for arg in "$@"; do
  case $arg in
    --helm) build_helm=yes ;;
    --no-helm) build_helm=no ;;
    *) echo "usage: scripts/install.sh [--helm | --no-helm]" >&2; exit 2 ;;
  esac
done

wants_helm_built() {
  [[ $build_helm != no ]] || return 1
  [[ $build_helm != yes ]] || return 0
  if [[ -x $helm_link ]] || command -v helm >/dev/null; then return 1; fi
  echo "infra needs helm 3.18+ or 4, and there is none on PATH. Install it from" >&2
  echo "https://helm.sh/docs/intro/install/ (brew install helm, snap install helm --classic, ...)." >&2
  command -v go >/dev/null || return 1
  [[ -t 0 ]] || return 0
  local answer
  read -r -p "Or build helm from Go modules into ${helm_link%/helm} now (a few minutes)? [Y/n] " answer
  [[ $answer != [nN]* ]]
}

install_helm() {
  echo "building helm (scripts/testbin.sh helm) ..." >&2
  local dir
  if ! dir=$(bash scripts/testbin.sh helm); then
    echo "could not build helm; install it as above, or point INFRA_HELM at one" >&2
    return 1
  fi
  ln -sfn "$dir/helm" "$helm_link"
  echo "cli/infra runs $("$helm_link" version --short) from $helm_link (INFRA_HELM overrides it)" >&2
}

echo "building target/infra.jar ..." >&2
mvn -B -q -DskipTests package

echo "recording the class-data archive target/infra.jsa ..." >&2
record_classes() { # file, then infra's arguments: the classes that command loads, listed into file
  local list=$1
  shift
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$list" -jar target/infra.jar "$@" >/dev/null 2>&1 || true
}
rm -f target/infra.jsa
classes=$(mktemp -d)
# nothing listens on port 1: secret get loads picocli, the catalog and the fabric8 client up to its request
cat > "$classes/kubeconfig" <<'KUBECONFIG'
apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:1"}}]
users: [{name: none, user: {token: none}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
current-context: none
KUBECONFIG
record_classes "$classes/plan" plan --profile minikube -o json
record_classes "$classes/secret" secret get db-credentials --kubeconfig "$classes/kubeconfig"
# one list (ids are only for classes of other loaders; newer JDKs number each list on its own)
sed 's/ id: [0-9]*$//' "$classes/plan" "$classes/secret" | awk '!seen[$0]++' > "$classes/all"
# a static archive: the dynamic one (-XX:ArchiveClassesAtExit) leaves out picocli, compiled for Java 5;
# the jar by its absolute path, as cli/infra names it from any directory
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$classes/all" \
  -XX:SharedArchiveFile=target/infra.jsa -cp "$home/target/infra.jar" >/dev/null 2>&1 \
  || echo "no class-data archive (infra starts without it, slower)" >&2
rm -rf "$classes"

cli/infra completion bash > cli/infra.bash
cli/infra completion zsh > cli/infra.zsh

# infra itself is built: a helm that fails to build is reported, not fatal
if wants_helm_built; then install_helm || true; fi

cat <<MSG
infra is built. Put it on your PATH, for example:
  ln -s "$home/cli/infra" ~/.local/bin/infra
and enable completion in ~/.bashrc or ~/.zshrc:
  source "$home/cli/infra.bash"     # or infra.zsh
Then: infra plan --profile minikube
MSG
