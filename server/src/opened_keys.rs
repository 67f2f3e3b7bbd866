//! The ID-token signing keys an instance has opened (`oidc_keys.rs`), by
//! key id, so that a signature does not decrypt and parse its key again:
//! a few at most (one of each algorithm signs at a time, a new one every
//! 30 days), and forgotten all at once should there ever be more.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, RSA_PKCS1_SHA256, RsaKeyPair};

/// More than this many opened keys means something else is going on:
/// they are forgotten rather than kept.
const KEPT: usize = 8;

/// A private key, opened, ready to sign.
pub enum SigningPair {
    /// ES256.
    Ec(EcdsaKeyPair),
    /// RS256.
    Rsa(RsaKeyPair),
}

impl SigningPair {
    /// The signature of `message`, as JWS puts it (ES256: r and s, 32
    /// bytes each; RS256: PKCS #1 v1.5 over SHA-256).
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, ring::error::Unspecified> {
        let rng = SystemRandom::new();
        match self {
            SigningPair::Ec(pair) => Ok(pair.sign(&rng, message)?.as_ref().to_vec()),
            SigningPair::Rsa(pair) => {
                let mut signature = vec![0; pair.public().modulus_len()];
                pair.sign(&RSA_PKCS1_SHA256, &rng, message, &mut signature)?;
                Ok(signature)
            }
        }
    }
}

#[derive(Default)]
pub struct OpenedKeys(Mutex<HashMap<String, Arc<SigningPair>>>);

impl OpenedKeys {
    pub fn get(&self, kid: &str) -> Option<Arc<SigningPair>> {
        self.0.lock().ok()?.get(kid).cloned()
    }

    pub fn keep(&self, kid: &str, pair: Arc<SigningPair>) {
        if let Ok(mut kept) = self.0.lock() {
            if kept.len() >= KEPT {
                kept.clear();
            }
            kept.insert(kid.to_owned(), pair);
        }
    }
}
