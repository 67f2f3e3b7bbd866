//! The keys that sign ID tokens (ES256, P-256 with SHA-256): kept in the
//! database so that every instance signs with the same and publishes them
//! all, the private half sealed with the server's secret key.
//!
//! A key signs for `ROTATE_AFTER_SECS`; then the next signature makes a
//! new one (`cargo run -p secinfo-server -- keys rotate` makes one at
//! once). A retired key stays published until every token it signed has
//! expired. Two instances that rotate at the same moment make two keys,
//! both published: harmless.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair};
use serde_json::json;

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::store::SigningKeyRecord;

/// How long a key signs before the next one takes over.
pub const ROTATE_AFTER_SECS: i64 = 30 * 24 * 3600;

/// How long an ID token is valid: a retired key is published this long
/// after it signed its last.
pub const ID_TOKEN_SECS: i64 = 3600;

const ALGORITHM: &str = "ES256";

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

/// A new signing key, which signs from now on.
pub async fn rotate(state: &AppState) -> AppResult<String> {
    let key = new_key(state)?;
    state.store.insert_signing_key(&key).await?;
    Ok(key.kid)
}

/// A current key, made at start-up where there is none, so that the key
/// set an application reads before any sign-in is not empty (instances
/// starting together may each make one: all are published).
pub async fn ensure_current(state: &AppState) -> AppResult<()> {
    let since = state.now() - ROTATE_AFTER_SECS;
    if state.store.signing_keys_since(since).await?.is_empty() {
        rotate(state).await?;
    }
    Ok(())
}

/// `claims` as a JWT signed with the current key (a new one when there
/// is none this instance can open, or it is due to rotate).
pub async fn sign(state: &AppState, claims: &serde_json::Value) -> AppResult<String> {
    sign_typed(state, claims, "JWT").await
}

/// The same, with its type in the header (`logout+jwt` for a logout
/// token, so that it cannot pass for an ID token).
pub async fn sign_typed(
    state: &AppState,
    claims: &serde_json::Value,
    typ: &str,
) -> AppResult<String> {
    let now = state.now();
    let current = state
        .store
        .signing_keys_since(now - ROTATE_AFTER_SECS)
        .await?
        .into_iter()
        .find_map(|key| opened(state, &key).map(|pair| (key.kid, pair)));
    let (kid, pair) = match current {
        Some(current) => current,
        None => {
            let kid = rotate(state).await?;
            let key = state
                .store
                .signing_keys_since(now - ROTATE_AFTER_SECS)
                .await?
                .into_iter()
                .find(|key| key.kid == kid)
                .ok_or_else(|| AppError::broken("the new signing key is not stored"))?;
            let pair =
                opened(state, &key).ok_or_else(|| AppError::broken("the new signing key"))?;
            (kid, pair)
        }
    };
    let header = json!({ "alg": ALGORITHM, "typ": typ, "kid": kid });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let signature = pair
        .sign(&SystemRandom::new(), signing_input.as_bytes())
        .map_err(|_| AppError::broken("ES256 signature"))?;
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.as_ref())
    ))
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
    let Some(header) =
        decode(header).and_then(|h| serde_json::from_slice::<serde_json::Value>(&h).ok())
    else {
        return Ok(None);
    };
    if header["alg"] != ALGORITHM {
        return Ok(None);
    }
    let since = state.now() - ROTATE_AFTER_SECS - ID_TOKEN_SECS;
    let keys = state.store.signing_keys_since(since).await?;
    let Some(key) = keys.iter().find(|k| header["kid"] == k.kid.as_str()) else {
        return Ok(None);
    };
    let Ok(jwk) = serde_json::from_str::<serde_json::Value>(&key.public_jwk) else {
        return Ok(None);
    };
    let coordinate = |name: &str| jwk[name].as_str().and_then(decode);
    let (Some(x), Some(y), Some(signature)) = (coordinate("x"), coordinate("y"), decode(signature))
    else {
        return Ok(None);
    };
    let point = [&[4u8][..], &x, &y].concat();
    let signed = format!("{}.{payload}", jwt.split('.').next().unwrap_or_default());
    let valid =
        ring::signature::UnparsedPublicKey::new(&ring::signature::ECDSA_P256_SHA256_FIXED, point)
            .verify(signed.as_bytes(), &signature)
            .is_ok();
    if !valid {
        return Ok(None);
    }
    Ok(decode(payload).and_then(|p| serde_json::from_slice(&p).ok()))
}

/// The private key of `key`, decrypted and parsed once per instance.
fn opened(state: &AppState, key: &SigningKeyRecord) -> Option<Arc<EcdsaKeyPair>> {
    if key.algorithm != ALGORITHM {
        return None;
    }
    if let Some(pair) = state.signing_keys.get(&key.kid) {
        return Some(pair);
    }
    let pkcs8 = crate::authenticator::decrypt(&state.code_key, &key.private_sealed).ok()?;
    let pair = Arc::new(
        EcdsaKeyPair::from_pkcs8(
            &ECDSA_P256_SHA256_FIXED_SIGNING,
            &pkcs8,
            &SystemRandom::new(),
        )
        .ok()?,
    );
    state.signing_keys.keep(&key.kid, pair.clone());
    Some(pair)
}

fn new_key(state: &AppState) -> AppResult<SigningKeyRecord> {
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
    // Sorts in the order of creation: of two keys made within a second
    // (a rotation just after the first), the later signs.
    let kid = crate::secret::sortable_id().map_err(|e| AppError::internal("OS RNG failed", e))?;
    let jwk = json!({
        "kty": "EC",
        "crv": "P-256",
        "x": URL_SAFE_NO_PAD.encode(&point[1..33]),
        "y": URL_SAFE_NO_PAD.encode(&point[33..65]),
        "use": "sig",
        "alg": ALGORITHM,
        "kid": kid,
    });
    Ok(SigningKeyRecord {
        kid,
        algorithm: ALGORITHM.to_owned(),
        private_sealed: crate::authenticator::encrypt(&state.code_key, pkcs8.as_ref())?,
        public_jwk: jwk.to_string(),
        created_at: state.now(),
    })
}
