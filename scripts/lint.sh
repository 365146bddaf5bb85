#!/usr/bin/env bash
# Runs the linters alone on generated roles: ansible-lint (profile
# production, no rule skipped), yamllint (the project's .yamllint) and
# ansible-playbook --syntax-check of the two playbooks.
#   bash scripts/lint.sh [DIR] [COLLECTION]    (default: dist-roles osp.edpm)
# DIR is laid out as a collection in a temporary folder first, so that the
# fully qualified role names resolve. Exit 0 when all three pass.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(cd "${1:-$root/dist-roles}" && pwd)
collection=${2:-osp.edpm}
bash "$root/scripts/python-env.sh" >/dev/null
export PATH="$root/.venv/bin:$PATH" ANSIBLE_NOCOLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
col="$tmp/ansible_collections/${collection%%.*}/${collection#*.}"
mkdir -p "$col/roles"
cp -r "$dir/edpm_update_services" "$dir/edpm_update_system" "$col/roles/"
cp -r "$dir/playbooks" "$col/"
export ANSIBLE_COLLECTIONS_PATH="$tmp"
status=0
cd "$col"
echo "== ansible-lint --profile production"
ansible-lint --profile production --offline --strict -c /dev/null -f pep8 --nocolor . || status=1
echo "== yamllint"
yamllint -c "$root/.yamllint" -f parsable . && echo "yamllint: no problems" || status=1
echo "== ansible-playbook --syntax-check"
for playbook in playbooks/update_services.yml playbooks/update_system.yml; do
  ansible-playbook --syntax-check -i localhost, "$playbook" || status=1
done
exit $status
