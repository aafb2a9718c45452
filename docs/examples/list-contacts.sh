#!/bin/sh
# Logs in with curl and lists the first contacts; oauth-header.mjs (beside this file) signs each request.
# CEA_API_URL=http://127.0.0.1:8090 CEA_APP_KEY=... CEA_SECRET_KEY=... sh list-contacts.sh
set -eu
api="${CEA_API_URL:-http://127.0.0.1:8090}"
sign="node $(dirname "$0")/oauth-header.mjs"

token=$(curl -sf -X POST "$api/v1/user/login" \
  -H "Authorization: $($sign POST "$api/v1/user/login")" -H 'Content-Type: application/json' \
  -d '{"UserName":"apitest@cea","PinCode":"notmypwd123!!!"}' | sed -E 's/.*"AuthToken":"([^"]+)".*/\1/')

curl -sf "$api/v1/contacts?pagesize=5" -H "Authorization: $($sign GET "$api/v1/contacts?pagesize=5" "$token")"
echo
