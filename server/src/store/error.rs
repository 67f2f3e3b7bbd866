//! What can go wrong below the domain: the database failed, or a row does
//! not read back as what we wrote. Either way it is internal; the domain
//! turns it into its own error (`AppError::Internal`), keeping it as the
//! source for the log.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database")]
    Database(#[from] sqlx::Error),
    #[error("no random bytes for a new id")]
    Random(#[from] getrandom::Error),
    /// A stored value that that does not encode or decode (`what`), with its cause.
    #[error("stored {what} does not encode or decode")]
    Encoding {
        what: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A stored value that breaks an invariant of ours.
    #[error("stored data breaks an invariant: {0}")]
    Broken(&'static str),
}

impl StoreError {
    pub fn encoding(
        what: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> StoreError {
        StoreError::Encoding {
            what,
            source: source.into(),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
