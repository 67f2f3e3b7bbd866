//! The bench's data, written straight into the server's database with the
//! database's own client (`sqlite3`, `psql`): a measured person with two
//! methods, challenges for wrong codes, and people by the thousand with
//! their methods and audit rows. Seeding through the API would take longer
//! than the bench itself; the rows are shaped as the server writes them.

use std::path::PathBuf;
use std::process::Command;

use crate::Result;

/// Whom the bench signs in as: a demo user.
pub const PERSON: &str = "adele.vance@contoso.example";
/// Who searches the organization's people: the demo administrator.
pub const ADMIN: &str = "megan.bowen@contoso.example";
/// Audit rows per seeded person (100,000 people: 1,000,000 rows).
const AUDIT_PER_PERSON: u64 = 10;

/// A database the bench's server runs on.
pub enum Db {
    Sqlite(PathBuf),
    Postgres { psql: PathBuf, url: String },
}

impl Db {
    pub fn name(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "SQLite",
            Db::Postgres { .. } => "PostgreSQL",
        }
    }

    /// Runs statements; fails with the client's message.
    pub fn exec(&self, sql: &str) -> Result {
        self.query(sql).map(|_| ())
    }

    /// The first column of the first row, as text.
    pub fn query(&self, sql: &str) -> Result<String> {
        let mut command = match self {
            // The server may hold the write lock for a moment.
            Db::Sqlite(file) => {
                let mut c = Command::new("sqlite3");
                c.args(["-cmd", ".timeout 10000"]).arg(file).arg(sql);
                c
            }
            Db::Postgres { psql, url } => {
                let mut c = Command::new(psql);
                c.args(["-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", sql]);
                c
            }
        };
        let out = command
            .output()
            .map_err(|e| format!("{}: {e}", self.name()))?;
        if !out.status.success() {
            return Err(format!(
                "{}: {}\n{sql}",
                self.name(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// A row source `n(i)` counting from `from` to `to`.
    fn numbers(&self, from: u64, to: u64) -> String {
        match self {
            Db::Sqlite(_) => format!(
                "(WITH RECURSIVE c(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM c WHERE i < {to}) SELECT i FROM c) AS n"
            ),
            Db::Postgres { .. } => format!("generate_series({from}, {to}) AS n(i)"),
        }
    }

    /// The measured person's id.
    pub fn person_id(&self) -> Result<String> {
        self.query(&format!(
            "SELECT id FROM users WHERE account_name = '{PERSON}'"
        ))
    }
}

/// The challenges a wrong-code run answers: those a signed-in person steps up
/// with, and those a sign-in waiting for its second step verifies with
/// (step-up challenges too; what differs is the session).
pub const STEP_UP_CHALLENGES: &str = "bench-c";
pub const SECOND_STEP_CHALLENGES: &str = "bench-s";

/// Gives the measured person a phone and an email (the Security info page
/// then has two rows), `per_thread` challenges of each kind above for each
/// of the two wrong-code threads, and an hourly failure limit no bench
/// reaches (the organization's is 100: the bench measures the counting, not
/// the refusal).
pub fn measured_person(db: &Db, now: u64, per_thread: u64) -> Result {
    let id = db.person_id()?;
    db.exec(&format!(
        "INSERT INTO methods (id, user_id, kind, detail, data, created_at) VALUES \
         ('bench-phone', '{id}', 'phone', '+31 6 12345678', \
          '{{\"e164\":\"+31612345678\",\"region\":\"NL\",\"delivery\":\"text\"}}', {now}), \
         ('bench-email', '{id}', 'email', 'adele@fabrikam.example', \
          '{{\"address\":\"adele@fabrikam.example\"}}', {now})"
    ))?;
    let numbers = db.numbers(0, per_thread - 1);
    for prefix in [STEP_UP_CHALLENGES, SECOND_STEP_CHALLENGES] {
        db.exec(&format!(
            "INSERT INTO challenges (id, user_id, purpose, delivery, destination, code_digest, payload, created_at, expires_at) \
             SELECT '{prefix}-' || t.t || '-' || n.i, '{id}', 'step-up', 'text', '+31612345678', 'no-code-has-this-digest', \
             '{{\"method_id\":\"bench-phone\"}}', {now}, {expires} \
             FROM {numbers}, (SELECT 0 AS t UNION ALL SELECT 1) AS t",
            expires = now + 86_400
        ))?;
    }
    db.exec(match db {
        Db::Sqlite(_) => {
            "UPDATE organizations SET policy = json_set(policy, '$.limits.failures_per_account', 1000000000)"
        }
        Db::Postgres { .. } => {
            "UPDATE organizations SET policy = jsonb_set(policy::jsonb, '{limits,failures_per_account}', '1000000000')::text"
        }
    })
}

/// The administrator's sessions complete and just verified (S11), for the
/// People search: a bench cannot type the second step.
pub fn admin_verified_now(db: &Db, now: u64) -> Result {
    db.exec(&format!(
        "UPDATE sessions SET verified_at = {now}, pending_until = NULL \
         WHERE user_id = (SELECT id FROM users WHERE account_name = '{ADMIN}')"
    ))
}

/// The measured person's sessions count as just verified (S11): with
/// methods, viewing Security info needs a recent verification, which a
/// bench cannot type.
pub fn verified_now(db: &Db, now: u64) -> Result {
    let id = db.person_id()?;
    db.exec(&format!(
        "UPDATE sessions SET verified_at = {now} WHERE user_id = '{id}'"
    ))
}

/// What the wrong-code runs have counted so far: the tries on the challenges
/// named `prefix`-…, and the person's hourly failures.
pub fn wrong_codes_counted(db: &Db, prefix: &str) -> Result<(u64, u64)> {
    let id = db.person_id()?;
    let parse = |text: String| text.parse::<u64>().map_err(|e| format!("{text:?}: {e}"));
    let tries = parse(db.query(&format!(
        "SELECT COALESCE(SUM(attempts), 0) FROM challenges WHERE id LIKE '{prefix}-%'"
    ))?)?;
    let failures = parse(db.query(&format!(
        "SELECT COALESCE(SUM(failures), 0) FROM throttle WHERE bucket = 'verify:user:{id}'"
    ))?)?;
    Ok((tries, failures))
}

/// People `from..=to` of the organization, each with the measured
/// person's methods and password, and ten audit rows.
pub fn people(db: &Db, from: u64, to: u64, now: u64) -> Result {
    let numbers = db.numbers(from, to);
    db.exec(&format!(
        "INSERT INTO users (id, organization_id, account_name, display_name, password_hash, is_admin, created_at, search_key) \
         SELECT 'bench-user-' || n.i, a.organization_id, 'bench' || n.i || '@contoso.example', \
         'Bench Person ' || n.i, a.password_hash, 0, {now}, \
         'bench person ' || n.i || ' bench' || n.i || '@contoso.example' \
         FROM {numbers}, users a WHERE a.account_name = '{PERSON}'"
    ))?;
    // The words the server would file for each (`store/search_key.rs`):
    // its key's runs of letters and digits, in upper-case hex.
    let hex = |text: &str| match db {
        Db::Sqlite(_) => format!("hex({text})"),
        Db::Postgres { .. } => format!("upper(encode(convert_to({text}, 'UTF8'), 'hex'))"),
    };
    let words = [
        "'bench'",
        "'person'",
        "'contoso'",
        "'example'",
        "CAST(n.i AS TEXT)",
        "'bench' || n.i",
    ]
    .map(|word| {
        format!(
            "SELECT {} AS word, 'bench-user-' || n.i AS user_id FROM {numbers}",
            hex(word)
        )
    })
    .join(" UNION ALL ");
    db.exec(&format!(
        "INSERT INTO person_words (organization_id, word, user_id) \
         SELECT a.organization_id, w.word, w.user_id FROM ({words}) AS w, users a WHERE a.account_name = '{PERSON}'"
    ))?;
    db.exec(&format!(
        "INSERT INTO methods (id, user_id, kind, detail, data, created_at) \
         SELECT 'bench-m-' || n.i || '-' || m.kind, 'bench-user-' || n.i, m.kind, m.detail, m.data, m.created_at \
         FROM {numbers}, methods m WHERE m.id IN ('bench-phone', 'bench-email')"
    ))?;
    let steps = (0..AUDIT_PER_PERSON)
        .map(|k| format!("SELECT {k} AS k"))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    db.exec(&format!(
        "INSERT INTO audit (id, user_id, action, method_id, detail, at, client_address, user_agent) \
         SELECT 'bench-a-' || n.i || '-' || s.k, 'bench-user-' || n.i, 'signed-in', NULL, 'password', \
         {now} - s.k * 3600, '192.0.2.1', 'bench' \
         FROM {numbers}, ({steps}) AS s"
    ))?;
    if let Db::Postgres { .. } = db {
        // As autovacuum would soon: the planner's figures for the new rows.
        db.exec("ANALYZE")?;
    }
    Ok(())
}
