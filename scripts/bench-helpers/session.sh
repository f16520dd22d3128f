# Sourced by the benchmark scripts. taxpayer_session URL: signs in to the default scenario's Acme
# Retail through Sandbox's routes (authenticate, OTP request, OTP verify) and sets `auth` to the
# curl/wrk header arguments of a taxpayer session, and `b2b_path` to its March 2025 GSTR-1 B2B route.
b2b_path=/gst/compliance/tax-payer/gstrs/gstr-1/b2b/2025/03

taxpayer_session() {
    local url=$1 key=key_live_gspsandbox platform taxpayer
    local who='{"username":"acme.retail","gstin":"27AAPCA4821K1ZD"}'
    json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
    platform=$(curl -sf -X POST "$url/authenticate" -H "x-api-key: $key" -H 'x-api-secret: secret_live_gspsandbox' \
        | json_field "['data']['access_token']")
    curl -sf -X POST "$url/gst/compliance/tax-payer/otp" -H "x-api-key: $key" -H "authorization: $platform" \
        -H 'content-type: application/json' -d "$who" >/dev/null
    taxpayer=$(curl -sf -X POST "$url/gst/compliance/tax-payer/otp/verify?otp=575757" -H "x-api-key: $key" \
        -H "authorization: $platform" -H 'content-type: application/json' -d "$who" | json_field "['data']['access_token']")
    auth=(-H "x-api-key: $key" -H "authorization: $taxpayer")
}
