//! secinfo as an OpenID Connect provider: the protocol's addresses, what
//! the sign-in entry asks about an application's request, and an
//! application as administrators register it.
//!
//! The protocol's own endpoints (discovery, token, userinfo, JWKS) speak
//! OAuth's forms and JSON to applications, not this API: their addresses
//! are here so that the server and the client name them once.

use serde::{Deserialize, Serialize};

/// OpenID Connect Discovery 1.0: the provider's description.
pub const DISCOVERY_PATH: &str = "/.well-known/openid-configuration";
/// Where an application sends the person: the sign-in entry answers it.
pub const AUTHORIZE_PATH: &str = "/oauth2/authorize";
pub const TOKEN_PATH: &str = "/oauth2/token";
pub const USERINFO_PATH: &str = "/oauth2/userinfo";
pub const JWKS_PATH: &str = "/oauth2/jwks";
/// Where an application sends the person to sign out (RP-initiated
/// logout): the whole client answers it.
pub const LOGOUT_PATH: &str = "/oauth2/logout";
/// Token revocation (RFC 7009) and introspection (RFC 7662).
pub const REVOKE_PATH: &str = "/oauth2/revoke";
pub const INTROSPECT_PATH: &str = "/oauth2/introspect";

/// An application's authorization request, as the browser's address has
/// it (the query, without its "?"): the sign-in entry hands it over whole,
/// so that the server alone reads OpenID Connect's parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorizationRequest {
    pub query: String,
}

/// What becomes of an authorization request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Authorization {
    /// Back to the application, with a code or an OAuth error: the browser
    /// goes there.
    Return { to: String },
    /// The person must sign in first, here, which names the application
    /// ("Sign in to continue to Payroll") and fills in the account it
    /// suggests; then the request is made again (`next`, a path of ours).
    SignIn {
        application: String,
        login_hint: Option<String>,
        next: String,
    },
    /// Signed in, but the application asks for a stronger sign-in than
    /// this one (`acr_values`): the person proves themselves with what
    /// `proof` says, here, and the request is made again.
    StepUp {
        application: String,
        proof: StrongerProof,
    },
    /// The application wants its answer as a form the browser posts
    /// (`response_mode=form_post`): the page submits the request to
    /// `AUTHORIZE_PATH` as a form of its own origin, which carries the
    /// session, and the server answers with that form.
    Post,
}

/// What a person does to give an application the sign-in it asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum StrongerProof {
    /// Verify with one of their methods: two steps (multi-factor).
    AnotherMethod,
    /// Verify with a security key or passkey (phishing-resistant).
    SecurityKey,
    /// The same, but they have none yet: add one, then verify with it.
    NewSecurityKey,
}

/// Where the person goes once an application's sign-out request is done:
/// back to the application's registered address, or (none) our own
/// sign-in page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignedOut {
    pub to: Option<String>,
}

/// An application as an administrator registers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewApplication {
    pub name: String,
    /// Where codes may be sent, each matched exactly (S37).
    pub redirect_uris: Vec<String>,
    /// Where the application may ask to be sent after signing out.
    #[serde(default)]
    pub logout_uris: Vec<String>,
    /// Where the application is told, server to server, that a session it
    /// signed in through ended (OpenID Connect Back-Channel Logout).
    #[serde(default)]
    pub backchannel_logout_uri: Option<String>,
    /// A public client (a single-page or native application) has no
    /// secret and must use PKCE.
    #[serde(default)]
    pub public: bool,
    /// The scopes it may be given (`openid` always); none: all of
    /// `SCOPES`.
    #[serde(default)]
    pub scopes: Option<Vec<String>>,
    /// The least sign-in it accepts, whatever its requests ask for.
    #[serde(default)]
    pub requires: Option<SignInStrength>,
    /// How its ID tokens are signed (the name is Dynamic Client
    /// Registration's).
    #[serde(default)]
    pub id_token_signed_response_alg: TokenSigning,
}

/// How the tokens given to an application (its ID tokens and logout
/// tokens) are signed: ES256 unless it cannot check it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TokenSigning {
    /// ECDSA with P-256 and SHA-256: short and fast.
    #[default]
    #[serde(rename = "ES256")]
    Es256,
    /// RSA (2048 bits, PKCS #1 v1.5) with SHA-256, which every OpenID
    /// Connect library can check.
    #[serde(rename = "RS256")]
    Rs256,
}

impl TokenSigning {
    pub const ALL: [TokenSigning; 2] = [TokenSigning::Es256, TokenSigning::Rs256];

    /// Its JOSE name, as a token's `alg` and a key's says it.
    pub const fn alg(self) -> &'static str {
        match self {
            TokenSigning::Es256 => "ES256",
            TokenSigning::Rs256 => "RS256",
        }
    }

    pub fn of_alg(alg: &str) -> Option<TokenSigning> {
        TokenSigning::ALL.into_iter().find(|s| s.alg() == alg)
    }
}

/// The scopes an application may be given; `offline_access` brings
/// refresh tokens.
pub const SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];

/// How strongly a person signed in, weakest first (an ID token's `acr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SignInStrength {
    /// A password alone (or a pass).
    SingleFactor,
    /// Two steps.
    MultiFactor,
    /// Two steps with a key bound to our site: a passkey or security key.
    PhishingResistant,
}

impl SignInStrength {
    pub const ALL: [SignInStrength; 3] = [
        SignInStrength::SingleFactor,
        SignInStrength::MultiFactor,
        SignInStrength::PhishingResistant,
    ];

    /// Its `acr` value.
    pub fn acr(self) -> &'static str {
        match self {
            SignInStrength::SingleFactor => "urn:secinfo:acr:single-factor",
            SignInStrength::MultiFactor => "urn:secinfo:acr:multi-factor",
            SignInStrength::PhishingResistant => "urn:secinfo:acr:phishing-resistant",
        }
    }

    pub fn of_acr(acr: &str) -> Option<SignInStrength> {
        SignInStrength::ALL.into_iter().find(|s| s.acr() == acr)
    }
}

/// An application the person signed in to through secinfo, and when they
/// last did (Unix seconds): their Overview lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationSignIn {
    pub name: String,
    pub at: i64,
}

/// An application just registered: its secret is shown once, kept as a
/// digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisteredApplication {
    pub client_id: String,
    pub client_secret: Option<String>,
}

/// An application as its administrators see it (never its secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationView {
    pub client_id: String,
    pub name: String,
    pub redirect_uris: Vec<String>,
    pub logout_uris: Vec<String>,
    pub backchannel_logout_uri: Option<String>,
    pub public: bool,
    pub scopes: Vec<String>,
    pub requires: Option<SignInStrength>,
    pub id_token_signed_response_alg: TokenSigning,
    /// Disabled: its people cannot sign in through it.
    pub disabled: bool,
    /// Unix seconds.
    pub created_at: i64,
}

/// `PUT /api/admin/applications/{id}/disabled`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationStatus {
    pub disabled: bool,
}

/// The most addresses an application registers of each kind.
pub const APPLICATION_MAX_URIS: usize = 10;
/// The longest name of an application, in characters.
pub const APPLICATION_NAME_MAX_CHARS: usize = 80;

/// Whether `uri` may be registered as an application's redirect or
/// logout address: absolute, `https` (or `http` on a loopback host, for
/// development and tests), without a fragment (OAuth 2.0, 3.1.2).
pub fn is_registrable_uri(uri: &str) -> bool {
    let rest = if let Some(rest) = uri.strip_prefix("https://") {
        rest
    } else if let Some(rest) = uri.strip_prefix("http://") {
        let host = rest.split(['/', '?']).next().unwrap_or_default();
        let host = host.rsplit_once(':').map_or(host, |(host, _)| host);
        if !matches!(host, "localhost" | "127.0.0.1" | "[::1]") {
            return false;
        }
        rest
    } else {
        return false;
    };
    uri.len() <= 2000
        && !rest.is_empty()
        && !rest.starts_with('/')
        && !uri.contains('#')
        && !uri.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_uris_are_absolute_https_or_loopback_http() {
        assert!(is_registrable_uri(
            "https://payroll.contoso.example/callback"
        ));
        assert!(is_registrable_uri("http://localhost:8091/redirect_uri"));
        assert!(is_registrable_uri("http://127.0.0.1/cb?x=1"));
        assert!(!is_registrable_uri(
            "http://payroll.contoso.example/callback"
        ));
        assert!(!is_registrable_uri(
            "https://payroll.contoso.example/cb#frag"
        ));
        assert!(!is_registrable_uri("/callback"));
        assert!(!is_registrable_uri("https:///callback"));
        assert!(!is_registrable_uri("https://a.example/ b"));
        assert!(!is_registrable_uri("javascript:alert(1)"));
    }

    #[test]
    fn token_signing_is_named_as_jose_names_it_and_es256_unless_asked() -> serde_json::Result<()> {
        let asked: NewApplication = serde_json::from_str(
            r#"{"name":"Payroll","redirect_uris":["https://p.example/cb"],"id_token_signed_response_alg":"RS256"}"#,
        )?;
        assert_eq!(asked.id_token_signed_response_alg, TokenSigning::Rs256);
        let silent: NewApplication =
            serde_json::from_str(r#"{"name":"Payroll","redirect_uris":["https://p.example/cb"]}"#)?;
        assert_eq!(silent.id_token_signed_response_alg, TokenSigning::Es256);
        for signing in TokenSigning::ALL {
            assert_eq!(TokenSigning::of_alg(signing.alg()), Some(signing));
            assert_eq!(
                serde_json::to_string(&signing)?,
                format!("\"{}\"", signing.alg())
            );
        }
        assert_eq!(TokenSigning::of_alg("HS256"), None);
        Ok(())
    }
}
