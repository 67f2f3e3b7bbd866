//! The predefined security questions (SPEC §5), by id: the server offers
//! them, the client names each with its message `question-<id>`, which
//! every locale has.

pub const PREDEFINED: [&str; 10] = [
    "city-born",
    "first-pet",
    "childhood-friend",
    "first-school",
    "favorite-teacher",
    "first-car",
    "parents-met",
    "first-job",
    "favorite-book",
    "childhood-street",
];
