//! The ID-token signing keys an instance has opened (`oidc_keys.rs`), by
//! key id, so that a signature does not decrypt and parse its key again:
//! a few at most (one signs at a time, a new one every 30 days), and
//! forgotten all at once should there ever be more.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ring::signature::EcdsaKeyPair;

/// More than this many opened keys means something else is going on:
/// they are forgotten rather than kept.
const KEPT: usize = 8;

#[derive(Default)]
pub struct OpenedKeys(Mutex<HashMap<String, Arc<EcdsaKeyPair>>>);

impl OpenedKeys {
    pub fn get(&self, kid: &str) -> Option<Arc<EcdsaKeyPair>> {
        self.0.lock().ok()?.get(kid).cloned()
    }

    pub fn keep(&self, kid: &str, pair: Arc<EcdsaKeyPair>) {
        if let Ok(mut kept) = self.0.lock() {
            if kept.len() >= KEPT {
                kept.clear();
            }
            kept.insert(kid.to_owned(), pair);
        }
    }
}
