//! The keys that sign ID tokens and logout tokens: ES256 (P-256 with
//! SHA-256) for every application unless it asks for RS256 (RSA, 2048
//! bits, with SHA-256). Kept in the database so that every instance signs
//! with the same and publishes them all, the private half sealed with the
//! server's secret key.
//!
//! A key signs for `ROTATE_AFTER_SECS`; then the next signature makes a
//! new one of its algorithm (`secinfo-server keys rotate` makes one of
//! each in use at once). A retired key stays published until every token
//! it signed has expired. Two instances that rotate at the same moment
//! make two keys, both published: harmless.
//!
//! An RSA key is made only when an application asks for RS256 (its
//! registration makes it, so that the key set has it before the first
//! token), and in a blocking thread: finding its primes takes a while.
//! ring signs and verifies both; the `rsa` crate only makes RSA keys,
//! which ring cannot.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use models::oidc::TokenSigning;
use ring::rand::SystemRandom;
use ring::signature::{
    ECDSA_P256_SHA256_FIXED, ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair,
    RSA_PKCS1_2048_8192_SHA256, RsaKeyPair, RsaPublicKeyComponents, UnparsedPublicKey,
};
use serde_json::json;

use crate::error::{AppError, AppResult};
use crate::opened_keys::SigningPair;
use crate::state::AppState;
use crate::store::SigningKeyRecord;

/// How long a key signs before the next one takes over.
pub const ROTATE_AFTER_SECS: i64 = 30 * 24 * 3600;

/// How long an ID token is valid: a retired key is published this long
/// after it signed its last.
pub const ID_TOKEN_SECS: i64 = 3600;

/// The size of an RSA key's modulus: what RFC 7518 asks at least.
const RSA_BITS: usize = 2048;

/// The JSON Web Key Set: every key that signed a token still valid.
pub async fn published(state: &AppState) -> AppResult<serde_json::Value> {
    let since = state.now() - ROTATE_AFTER_SECS - ID_TOKEN_SECS;
    let keys = state.store.signing_keys_since(since).await?;
    let keys: Vec<serde_json::Value> = keys
        .iter()
        .filter_map(|key| serde_json::from_str(&key.public_jwk).ok())
        .collect();
    Ok(json!({ "keys": keys }))
}

/// A new key of `signing`, which signs from now on.
pub async fn rotate(state: &AppState, signing: TokenSigning) -> AppResult<String> {
    let key = new_key(state, signing).await?;
    state.store.insert_signing_key(&key).await?;
    Ok(key.kid)
}

/// A new key of each algorithm in use (`keys rotate`), by their key ids.
pub async fn rotate_in_use(state: &AppState) -> AppResult<Vec<String>> {
    let mut kids = Vec::new();
    for signing in in_use(state).await? {
        kids.push(rotate(state, signing).await?);
    }
    Ok(kids)
}

/// A current key of each algorithm in use, made at start-up where there
/// is none, so that the key set an application reads before any sign-in
/// is not empty (instances starting together may each make one: all are
/// published).
pub async fn ensure_current(state: &AppState) -> AppResult<()> {
    for signing in in_use(state).await? {
        ensure_current_of(state, signing).await?;
    }
    Ok(())
}

/// A current key of `signing`, made if there is none (an application
/// just registered to have its tokens signed so).
pub async fn ensure_current_of(state: &AppState, signing: TokenSigning) -> AppResult<()> {
    let since = state.now() - ROTATE_AFTER_SECS;
    let current = state.store.signing_keys_since(since).await?;
    if !current.iter().any(|key| key.algorithm == signing.alg()) {
        rotate(state, signing).await?;
    }
    Ok(())
}

/// ES256 always (every application's unless it asks otherwise), RS256
/// when an enabled application asks for it.
async fn in_use(state: &AppState) -> AppResult<Vec<TokenSigning>> {
    let mut in_use = vec![TokenSigning::Es256];
    if state
        .store
        .any_client_signs_with(TokenSigning::Rs256)
        .await?
    {
        in_use.push(TokenSigning::Rs256);
    }
    Ok(in_use)
}

/// `claims` as a JWT signed with the current key of `signing` (a new one
/// when there is none this instance can open, or it is due to rotate).
pub async fn sign(
    state: &AppState,
    claims: &serde_json::Value,
    signing: TokenSigning,
) -> AppResult<String> {
    sign_typed(state, claims, "JWT", signing).await
}

/// The same, with its type in the header (`logout+jwt` for a logout
/// token, so that it cannot pass for an ID token).
pub async fn sign_typed(
    state: &AppState,
    claims: &serde_json::Value,
    typ: &str,
    signing: TokenSigning,
) -> AppResult<String> {
    let (kid, pair) = match current(state, signing, None).await? {
        Some(current) => current,
        None => {
            let kid = rotate(state, signing).await?;
            current(state, signing, Some(&kid))
                .await?
                .ok_or_else(|| AppError::broken("the new signing key"))?
        }
    };
    let header = json!({ "alg": signing.alg(), "typ": typ, "kid": kid });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let signature = pair
        .sign(signing_input.as_bytes())
        .map_err(|_| AppError::broken("token signature"))?;
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature)
    ))
}

/// The newest key of `signing` not due to rotate that this instance can
/// open (`kid` alone, when given), opened.
async fn current(
    state: &AppState,
    signing: TokenSigning,
    kid: Option<&str>,
) -> AppResult<Option<(String, Arc<SigningPair>)>> {
    let keys = state
        .store
        .signing_keys_since(state.now() - ROTATE_AFTER_SECS)
        .await?;
    Ok(keys
        .into_iter()
        .filter(|key| key.algorithm == signing.alg())
        .filter(|key| kid.is_none_or(|kid| key.kid == kid))
        .find_map(|key| opened(state, &key).map(|pair| (key.kid, pair))))
}

/// The claims of a JWT one of our published keys signed (an ID token
/// shown back to us as `id_token_hint`); its expiry is not checked.
pub async fn verified_claims(state: &AppState, jwt: &str) -> AppResult<Option<serde_json::Value>> {
    let mut parts = jwt.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Ok(None);
    };
    let decode = |part: &str| URL_SAFE_NO_PAD.decode(part).ok();
    let Some(header_json) =
        decode(header).and_then(|h| serde_json::from_slice::<serde_json::Value>(&h).ok())
    else {
        return Ok(None);
    };
    let Some(signing) = header_json["alg"].as_str().and_then(TokenSigning::of_alg) else {
        return Ok(None);
    };
    let since = state.now() - ROTATE_AFTER_SECS - ID_TOKEN_SECS;
    let keys = state.store.signing_keys_since(since).await?;
    // The key the header names, and of the algorithm it says: a token
    // cannot have one key checked as another kind.
    let Some(key) = keys
        .iter()
        .find(|k| header_json["kid"] == k.kid.as_str() && k.algorithm == signing.alg())
    else {
        return Ok(None);
    };
    let Ok(jwk) = serde_json::from_str::<serde_json::Value>(&key.public_jwk) else {
        return Ok(None);
    };
    let member = |name: &str| jwk[name].as_str().and_then(decode);
    let Some(signature) = decode(signature) else {
        return Ok(None);
    };
    let signed = format!("{header}.{payload}");
    let valid = match signing {
        TokenSigning::Es256 => {
            let (Some(x), Some(y)) = (member("x"), member("y")) else {
                return Ok(None);
            };
            let point = [&[4u8][..], &x, &y].concat();
            UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point)
                .verify(signed.as_bytes(), &signature)
                .is_ok()
        }
        TokenSigning::Rs256 => {
            let (Some(n), Some(e)) = (member("n"), member("e")) else {
                return Ok(None);
            };
            RsaPublicKeyComponents { n, e }
                .verify(&RSA_PKCS1_2048_8192_SHA256, signed.as_bytes(), &signature)
                .is_ok()
        }
    };
    if !valid {
        return Ok(None);
    }
    Ok(decode(payload).and_then(|p| serde_json::from_slice(&p).ok()))
}

/// The private key of `key`, decrypted and parsed once per instance.
fn opened(state: &AppState, key: &SigningKeyRecord) -> Option<Arc<SigningPair>> {
    if let Some(pair) = state.signing_keys.get(&key.kid) {
        return Some(pair);
    }
    let pkcs8 = crate::authenticator::decrypt(&state.code_key, &key.private_sealed).ok()?;
    let pair = match TokenSigning::of_alg(&key.algorithm)? {
        TokenSigning::Es256 => SigningPair::Ec(
            EcdsaKeyPair::from_pkcs8(
                &ECDSA_P256_SHA256_FIXED_SIGNING,
                &pkcs8,
                &SystemRandom::new(),
            )
            .ok()?,
        ),
        TokenSigning::Rs256 => SigningPair::Rsa(RsaKeyPair::from_pkcs8(&pkcs8).ok()?),
    };
    let pair = Arc::new(pair);
    state.signing_keys.keep(&key.kid, pair.clone());
    Some(pair)
}

async fn new_key(state: &AppState, signing: TokenSigning) -> AppResult<SigningKeyRecord> {
    // Sorts in the order of creation: of two keys made within a second
    // (a rotation just after the first), the later signs.
    let kid = crate::secret::sortable_id().map_err(|e| AppError::internal("OS RNG failed", e))?;
    let (pkcs8, public) = match signing {
        TokenSigning::Es256 => ec_key()?,
        TokenSigning::Rs256 => tokio::task::spawn_blocking(rsa_key)
            .await
            .map_err(|e| AppError::internal("RSA key generation stopped", e))??,
    };
    let mut jwk = public;
    jwk["use"] = json!("sig");
    jwk["alg"] = json!(signing.alg());
    jwk["kid"] = json!(kid);
    Ok(SigningKeyRecord {
        kid,
        algorithm: signing.alg().to_owned(),
        private_sealed: crate::authenticator::encrypt(&state.code_key, &pkcs8)?,
        public_jwk: jwk.to_string(),
        created_at: state.now(),
    })
}

/// A P-256 key: its PKCS #8 and its public half as a JWK's members.
fn ec_key() -> AppResult<(Vec<u8>, serde_json::Value)> {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
        .map_err(|_| AppError::broken("P-256 key generation"))?;
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
        .map_err(|_| AppError::broken("P-256 key"))?;
    // An uncompressed point: 0x04, then x and y, 32 bytes each.
    let point = pair.public_key().as_ref();
    if point.len() != 65 {
        return Err(AppError::broken("P-256 public key length"));
    }
    let public = json!({
        "kty": "EC",
        "crv": "P-256",
        "x": URL_SAFE_NO_PAD.encode(&point[1..33]),
        "y": URL_SAFE_NO_PAD.encode(&point[33..65]),
    });
    Ok((pkcs8.as_ref().to_vec(), public))
}

/// An RSA key from the operating system's randomness, checked by ring
/// opening it: its PKCS #8 and its public half as a JWK's members.
fn rsa_key() -> AppResult<(Vec<u8>, serde_json::Value)> {
    use rsa::pkcs8::EncodePrivateKey;
    let mut rng = rsa::rand_core::UnwrapErr(getrandom::SysRng);
    let key = rsa::RsaPrivateKey::new(&mut rng, RSA_BITS)
        .map_err(|e| AppError::internal("RSA key generation", e))?;
    let pkcs8 = key
        .to_pkcs8_der()
        .map_err(|e| AppError::internal("RSA key encoding", e))?;
    let pair = RsaKeyPair::from_pkcs8(pkcs8.as_bytes())
        .map_err(|_| AppError::broken("RSA key made but not opened"))?;
    let components = RsaPublicKeyComponents::<Vec<u8>>::from(pair.public());
    let public = json!({
        "kty": "RSA",
        "n": URL_SAFE_NO_PAD.encode(&components.n),
        "e": URL_SAFE_NO_PAD.encode(&components.e),
    });
    Ok((pkcs8.as_bytes().to_vec(), public))
}
