#!/usr/bin/env python3
"""The OpenID Foundation's Basic OP test plan, module by module, against a
secinfo server in test mode (`cargo xtask test` starts one).

The relying party is Authlib's OAuth 2.0 client (`OAuth2Session`: the
authorization address, PKCE, the token endpoint with each way a client
proves itself, refresh, UserInfo); the ID token's signature and claims are
checked with joserfc against the published keys. Neither is ours. The
person's browser is played by the JSON API that secinfo's own sign-in page
calls with an application's request (`/api/oidc/authorization`), so the
answers are the ones a browser gets.

    basic_op.py BASE_URL

Prints one line per module and exits 1 when any failed.
"""

import base64
import json
import secrets
import sys
import threading
import time
import urllib.parse

import requests
from authlib.integrations.requests_client import OAuth2Session, OAuthError
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

BASE = sys.argv[1].rstrip("/")
# Registered for the applications below; no browser goes there: the
# harness reads the address it would have gone to.
REDIRECT = "https://rp.conformance.example/callback"
PASSWORD = "Conformance-harness-" + secrets.token_hex(8)


class Failed(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failed(what)


class Browser:
    """A person's browser: its cookies, the CSRF token, and the requests
    the sign-in page makes."""

    def __init__(self):
        self.http = requests.Session()
        self.csrf = None

    def post(self, path, body):
        if self.csrf is None:
            self.csrf = self.http.get(BASE + "/api/session").json()["csrf_token"]
        answer = self.http.post(
            BASE + path, json=body, headers={"origin": BASE, "x-csrf-token": self.csrf}
        )
        token = answer.headers.get("content-type", "").startswith("application/json") and (
            isinstance(answer.json(), dict) and answer.json().get("csrf_token")
        )
        if token:
            self.csrf = token
        return answer

    def sign_in(self, account):
        signed_in = self.post("/api/session", {"account_name": account, "password": PASSWORD})
        check(signed_in.status_code == 200, f"sign-in: {signed_in.status_code} {signed_in.text}")

    def ask(self, address):
        """The sign-in page's question about an application's request."""
        query = urllib.parse.urlsplit(address).query
        return self.post("/api/oidc/authorization", {"query": query})

    def go(self, address, account=None):
        """What the page does with the request: ask; sign in where it is
        told to (as `account`) and ask again. The answer's JSON."""
        answer = self.ask(address)
        check(answer.status_code == 200, f"the page's question: {answer.status_code} {answer.text}")
        answer = answer.json()
        if isinstance(answer, dict) and "sign-in" in answer and account:
            self.sign_in(account)
            answer = self.ask(BASE + answer["sign-in"]["next"]).json()
        return answer


def returned(answer):
    """The address the browser goes back to the application with."""
    check(isinstance(answer, dict) and "return" in answer, f"expected a way back, got {answer}")
    return answer["return"]["to"]


def parameters(address):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(address).query))


class Provider:
    def __init__(self):
        self.discovery = requests.get(BASE + "/.well-known/openid-configuration").json()
        self.admin = Browser()
        self.admin_account = f"conformance-admin-{secrets.token_hex(4)}@conformance.example"
        self.account = f"conformance-{secrets.token_hex(4)}@conformance.example"
        self.other_account = f"conformance-other-{secrets.token_hex(4)}@conformance.example"
        made = self.admin.post(
            "/api/test/users",
            {
                "account_name": self.admin_account,
                "password": PASSWORD,
                "display_name": "Conformance Administrator",
                "is_admin": True,
            },
        )
        check(made.status_code == 201, f"the administrator: {made.status_code} {made.text}")
        for account, name in [(self.account, "Alex Wilber"), (self.other_account, "Lynne Robbins")]:
            made = self.admin.post(
                "/api/test/users",
                {
                    "account_name": account,
                    "password": PASSWORD,
                    "display_name": name,
                    "organization_of": self.admin_account,
                },
            )
            check(made.status_code == 201, f"a person: {made.status_code} {made.text}")
        self.admin.sign_in(self.admin_account)

    def register(self, public=False, alg="ES256"):
        registered = self.admin.post(
            "/api/admin/applications",
            {"name": "Conformance", "redirect_uris": [REDIRECT], "public": public,
             "id_token_signed_response_alg": alg},
        )
        check(registered.status_code == 200, f"registering: {registered.status_code} {registered.text}")
        return registered.json()

    def client(self, registered, method="client_secret_basic", scope="openid profile email"):
        return OAuth2Session(
            registered["client_id"],
            registered.get("client_secret"),
            scope=scope,
            redirect_uri=REDIRECT,
            code_challenge_method="S256",
            token_endpoint_auth_method=method,
        )

    def address(self, client, drop=(), **extra):
        """An authorization request's address, as Authlib makes it."""
        verifier = secrets.token_urlsafe(48)
        address, state = client.create_authorization_url(
            self.discovery["authorization_endpoint"], code_verifier=verifier, **extra
        )
        if drop:
            parts = urllib.parse.urlsplit(address)
            kept = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k not in drop]
            address = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept)))
        return address, state, verifier

    def tokens(self, client, back, state, verifier):
        check(parameters(back).get("state") == state, "state came back unchanged")
        check(parameters(back).get("iss") == self.discovery["issuer"], "iss in the answer (RFC 9207)")
        return client.fetch_token(
            self.discovery["token_endpoint"],
            authorization_response=back,
            state=state,
            code_verifier=verifier,
        )

    def id_token(self, token, client_id, nonce=None, alg="ES256"):
        """The ID token's claims, its signature (`alg` alone accepted)
        checked against the published keys and its claims as OpenID Connect
        Core 3.1.3.7 has them."""
        keys = KeySet.import_key_set(requests.get(self.discovery["jwks_uri"]).json())
        decoded = jwt.decode(token["id_token"], keys, algorithms=[alg])
        check(decoded.header.get("kid"), "the ID token names its key")
        registry = jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": self.discovery["issuer"]},
            aud={"essential": True, "value": client_id},
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
            auth_time={"essential": True},
        )
        registry.validate(decoded.claims)
        check(decoded.claims.get("nonce") == nonce, f"nonce {decoded.claims.get('nonce')!r}, sent {nonce!r}")
        return decoded.claims

    def signed_in(self, account=None):
        browser = Browser()
        browser.sign_in(account or self.account)
        return browser

    def flow(self, client, browser, nonce="n-" + secrets.token_hex(6), alg="ES256", **extra):
        """A whole sign-in: the request, the browser's part, the code redeemed."""
        if nonce is not None:
            extra["nonce"] = nonce
        address, state, verifier = self.address(client, **extra)
        back = returned(browser.go(address, account=self.account))
        token = self.tokens(client, back, state, verifier)
        return token, self.id_token(token, client.client_id, nonce, alg)


def oidcc_server(p):
    d = p.discovery
    check(d["issuer"] == BASE, f"issuer {d['issuer']}")
    for field in ["authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri",
                  "end_session_endpoint"]:
        check(d.get(field, "").startswith(BASE + "/"), f"{field} on the issuer's origin")
    check("code" in d["response_types_supported"], "response type code")
    for alg in ["ES256", "RS256"]:
        check(alg in d["id_token_signing_alg_values_supported"], alg)
    check("public" in d["subject_types_supported"], "subject types")
    check("S256" in d["code_challenge_methods_supported"], "PKCE S256")
    keys = requests.get(d["jwks_uri"]).json()["keys"]
    check(keys and all("d" not in key for key in keys), "public keys only")


def oidcc_response_type_missing(p):
    client = p.client(p.register())
    address, state, _ = p.address(client, drop=("response_type",))
    back = returned(p.signed_in().go(address))
    check(parameters(back).get("error") == "invalid_request", back)
    check(parameters(back).get("state") == state, "state")


def oidcc_idtoken_signature(p):
    client = p.client(p.register())
    token, claims = p.flow(client, p.signed_in())
    check(claims["sub"], "sub")
    check(claims.get("at_hash"), "at_hash")


def oidcc_idtoken_rs256(p):
    """A client registered for RS256 gets RS256 ID tokens, checked with
    the key set's RSA key (an ES256 token would be refused here)."""
    client = p.client(p.register(alg="RS256"))
    token, claims = p.flow(client, p.signed_in(), alg="RS256")
    part = token["id_token"].split(".")[0]
    header = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    check(header.get("alg") == "RS256", f"alg {header.get('alg')}")
    keys = requests.get(p.discovery["jwks_uri"]).json()["keys"]
    rsa = [key for key in keys if key.get("kid") == header.get("kid")]
    check(rsa and rsa[0]["kty"] == "RSA" and rsa[0].get("alg") == "RS256", f"its key {rsa}")
    check(claims["sub"] and claims.get("at_hash"), "sub and at_hash")


def userinfo_module(placement, method):
    def module(p):
        registered = p.register()
        client = p.client(registered)
        token, claims = p.flow(client, p.signed_in())
        reader = OAuth2Session(token=token, token_placement=placement)
        # RFC 6750, 2.2: a token in the body is a form, and says so.
        form = {"content-type": "application/x-www-form-urlencoded"} if placement == "body" else {}
        info = reader.request(method, p.discovery["userinfo_endpoint"], headers=form)
        check(info.status_code == 200, f"{info.status_code} {info.text}")
        check(info.json()["sub"] == claims["sub"], "the same sub as the ID token")
        check(info.json().get("name") == "Alex Wilber", "name (scope profile)")
    return module


def oidcc_request_without_nonce(p):
    client = p.client(p.register())
    p.flow(client, p.signed_in(), nonce=None)


def oidcc_scope_profile(p):
    client = p.client(p.register(), scope="openid profile")
    token, _ = p.flow(client, p.signed_in())
    info = client.get(p.discovery["userinfo_endpoint"]).json()
    check(info.get("preferred_username") == p.account and info.get("name") == "Alex Wilber", info)


def oidcc_scope_email(p):
    client = p.client(p.register(), scope="openid email")
    token, _ = p.flow(client, p.signed_in())
    info = client.get(p.discovery["userinfo_endpoint"]).json()
    check("name" not in info, f"only what was asked for: {info}")
    check("email" not in info or "email_verified" in info, f"email_verified beside email: {info}")


def oidcc_prompt_login(p):
    client = p.client(p.register())
    browser = p.signed_in()
    _, first = p.flow(client, browser)
    time.sleep(1.1)
    address, state, verifier = p.address(client, prompt="login", nonce="n-login")
    answer = browser.ask(address).json()
    check("sign-in" in answer, f"asked to sign in again: {answer}")
    browser.sign_in(p.account)
    back = returned(browser.ask(BASE + answer["sign-in"]["next"]).json())
    claims = p.id_token(p.tokens(client, back, state, verifier), client.client_id, "n-login")
    check(claims["auth_time"] > first["auth_time"], "a new auth_time")


def oidcc_prompt_none_logged_in(p):
    client = p.client(p.register())
    p.flow(client, p.signed_in(), prompt="none")


def oidcc_prompt_none_not_logged_in(p):
    client = p.client(p.register())
    address, state, _ = p.address(client, prompt="none", nonce="n")
    back = returned(Browser().go(address))
    check(parameters(back).get("error") == "login_required", back)
    check(parameters(back).get("state") == state, "state")


def oidcc_max_age_1(p):
    client = p.client(p.register())
    browser = p.signed_in()
    _, first = p.flow(client, browser)
    time.sleep(2.1)
    address, state, verifier = p.address(client, max_age="1", nonce="n-age")
    back = returned(browser.go(address, account=p.account))
    claims = p.id_token(p.tokens(client, back, state, verifier), client.client_id, "n-age")
    check(claims["auth_time"] > first["auth_time"], "signed in anew")
    check(time.time() - claims["auth_time"] < 30, "auth_time is now")


def oidcc_unknown_parameter(p):
    client = p.client(p.register())
    p.flow(client, p.signed_in(), extra_parameter="ignored")


def oidcc_id_token_hint(p):
    client = p.client(p.register())
    browser = p.signed_in()
    token, first = p.flow(client, browser)
    _, again = p.flow(client, browser, prompt="none", id_token_hint=token["id_token"])
    check(again["sub"] == first["sub"], "the same person")
    # Another person's session does not answer for the hinted one.
    address, _, _ = p.address(client, prompt="none", id_token_hint=token["id_token"], nonce="n")
    back = returned(p.signed_in(p.other_account).go(address))
    check(parameters(back).get("error") == "login_required", back)


def oidcc_login_hint(p):
    client = p.client(p.register())
    address, _, _ = p.address(client, login_hint=p.account, nonce="n")
    answer = Browser().go(address)
    check(answer["sign-in"]["login_hint"] == p.account, answer)


def oidcc_ui_locales(p):
    check("sv-SE" in p.discovery["ui_locales_supported"], "ui_locales_supported")
    client = p.client(p.register())
    p.flow(client, p.signed_in(), ui_locales="sv-SE nl")


def oidcc_acr_values(p):
    client = p.client(p.register())
    _, claims = p.flow(client, p.signed_in(), acr_values="urn:secinfo:acr:single-factor urn:example:gold")
    check(claims.get("acr") in p.discovery["acr_values_supported"], f"acr {claims.get('acr')}")


def code_reuse(wait_seconds):
    def module(p):
        client = p.client(p.register())
        address, state, verifier = p.address(client, nonce="n")
        back = returned(p.signed_in().go(address))
        token = p.tokens(client, back, state, verifier)
        time.sleep(wait_seconds)
        try:
            p.tokens(p.client({"client_id": client.client_id, "client_secret": client.client_secret}),
                     back, state, verifier)
            raise Failed("a code redeemed twice")
        except OAuthError as error:
            check(error.error == "invalid_grant", error.error)
        # What the first redemption gave is void.
        info = OAuth2Session(token=token).get(p.discovery["userinfo_endpoint"])
        check(info.status_code == 401, f"the first access token after the replay: {info.status_code}")
    return module


def oidcc_ensure_registered_redirect_uri(p):
    registered = p.register()
    client = OAuth2Session(registered["client_id"], registered["client_secret"], scope="openid",
                           redirect_uri="https://rp.conformance.example/elsewhere")
    address, _ = client.create_authorization_url(p.discovery["authorization_endpoint"], nonce="n")
    answer = p.signed_in().ask(address)
    check(answer.status_code == 400, f"refused on the page: {answer.status_code}")
    check(answer.json().get("code") == "redirect-not-registered", answer.text)


def oidcc_client_secret_post(p):
    client = p.client(p.register(), method="client_secret_post")
    p.flow(client, p.signed_in())


def oidcc_refresh_token(p):
    client = p.client(p.register(), scope="openid profile offline_access")
    token, _ = p.flow(client, p.signed_in())
    check(token.get("refresh_token"), "a refresh token for offline_access")
    fresh = client.refresh_token(p.discovery["token_endpoint"], refresh_token=token["refresh_token"])
    check(fresh["refresh_token"] != token["refresh_token"], "a new refresh token at each use")
    check(client.get(p.discovery["userinfo_endpoint"]).status_code == 200, "the new access token works")
    try:
        client.refresh_token(p.discovery["token_endpoint"], refresh_token=token["refresh_token"])
        raise Failed("a refresh token used twice")
    except OAuthError as error:
        check(error.error == "invalid_grant", error.error)


def pkce(p):
    registered = p.register(public=True)
    check(registered.get("client_secret") is None, "a public client has no secret")
    client = p.client(registered, method="none")
    p.flow(client, p.signed_in())
    # The wrong verifier is refused…
    address, state, _ = p.address(client, nonce="n")
    back = returned(p.signed_in().go(address))
    try:
        p.tokens(client, back, state, secrets.token_urlsafe(48))
        raise Failed("a code redeemed with another verifier")
    except OAuthError as error:
        check(error.error == "invalid_grant", error.error)
    # …and a public client without PKCE is not answered with a code.
    bare = OAuth2Session(registered["client_id"], scope="openid", redirect_uri=REDIRECT)
    address, _ = bare.create_authorization_url(p.discovery["authorization_endpoint"], nonce="n")
    back = returned(p.signed_in().go(address))
    check(parameters(back).get("error") == "invalid_request", back)


MODULES = [
    ("oidcc-server", oidcc_server),
    ("oidcc-response-type-missing", oidcc_response_type_missing),
    ("oidcc-idtoken-signature", oidcc_idtoken_signature),
    ("oidcc-idtoken-rs256", oidcc_idtoken_rs256),
    ("oidcc-userinfo-get", userinfo_module("header", "GET")),
    ("oidcc-userinfo-post-header", userinfo_module("header", "POST")),
    ("oidcc-userinfo-post-body", userinfo_module("body", "POST")),
    ("oidcc-ensure-request-without-nonce-succeeds-for-code-flow", oidcc_request_without_nonce),
    ("oidcc-scope-profile", oidcc_scope_profile),
    ("oidcc-scope-email", oidcc_scope_email),
    ("oidcc-prompt-login", oidcc_prompt_login),
    ("oidcc-prompt-none-logged-in", oidcc_prompt_none_logged_in),
    ("oidcc-prompt-none-not-logged-in", oidcc_prompt_none_not_logged_in),
    ("oidcc-max-age-1", oidcc_max_age_1),
    ("oidcc-unknown-parameter", oidcc_unknown_parameter),
    ("oidcc-id-token-hint", oidcc_id_token_hint),
    ("oidcc-login-hint", oidcc_login_hint),
    ("oidcc-ui-locales", oidcc_ui_locales),
    ("oidcc-ensure-request-with-acr-values-succeeds", oidcc_acr_values),
    ("oidcc-codereuse", code_reuse(0)),
    ("oidcc-codereuse-30seconds", code_reuse(30)),
    ("oidcc-ensure-registered-redirect-uri", oidcc_ensure_registered_redirect_uri),
    ("oidcc-client-secret-post", oidcc_client_secret_post),
    ("oidcc-refresh-token", oidcc_refresh_token),
    ("pkce", pkce),
]


def main():
    provider = Provider()
    results = {}

    def run(name, module):
        started = time.monotonic()
        try:
            module(provider)
            results[name] = ("PASS", "", time.monotonic() - started)
        except (Failed, OAuthError, JoseError, requests.RequestException, KeyError, ValueError) as error:
            results[name] = ("FAIL", f"{type(error).__name__}: {error}", time.monotonic() - started)

    # The modules that wait run beside the others.
    waiting = [threading.Thread(target=run, args=(name, module))
               for name, module in MODULES if name == "oidcc-codereuse-30seconds"]
    for thread in waiting:
        thread.start()
    for name, module in MODULES:
        if name != "oidcc-codereuse-30seconds":
            run(name, module)
    for thread in waiting:
        thread.join()
    for name, _ in MODULES:
        verdict, why, seconds = results[name]
        print(f"{verdict}  {name:<58} {seconds:5.1f} s  {why}")
    failed = [name for name, (verdict, _, _) in results.items() if verdict != "PASS"]
    print(f"{len(MODULES) - len(failed)} of {len(MODULES)} modules passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
