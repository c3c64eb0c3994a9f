#!/usr/bin/env bash
# Builds infra from this checkout: the jar, an AppCDS archive for fast start-up, and the shell
# completion scripts. Needs Java 17+ and Maven; touches nothing outside the checkout except
# Maven's own repository.
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$home"

echo "building target/infra.jar ..." >&2
mvn -B -q -DskipTests package

echo "recording the AppCDS archive target/infra.jsa ..." >&2
rm -f target/infra.jsa
# run typical commands once so their classes land in the archive
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit=target/infra.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar target/infra.jar plan --profile minikube -o json >/dev/null

cli/infra completion bash > cli/infra.bash
cli/infra completion zsh > cli/infra.zsh

cat <<MSG
infra is built. Put it on your PATH, for example:
  ln -s "$home/cli/infra" ~/.local/bin/infra
and enable completion in ~/.bashrc or ~/.zshrc:
  source "$home/cli/infra.bash"     # or infra.zsh
Then: infra plan --profile minikube
MSG
