//! Adding people from a CSV file (S44), an administrator's: every row is
//! checked as Add a person checks one, and the report says of each what it
//! became. A preview runs the same checks and creates nobody. A bad row
//! never stops the good ones, and a row is created whole or not at all:
//! the good rows go in one transaction, and a person whose invitation the
//! mail server refused is taken out again.

use std::collections::HashSet;

use models::{
    AccountName, ApiError, ErrorCode, Field, IMPORT_MAX_ROWS, ImportColumn, ImportOutcome,
    ImportReport, ImportRequest, ImportRow, ImportStep, Locale, PersonId, Role,
};

use crate::administration::admin_only;
use crate::audit::{Action, Requester};
use crate::csv_file;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::store::{AuditEntry, NewUser};

/// Checks, and for `ImportStep::Create` creates, the people of a file.
pub async fn import(
    state: &AppState,
    who: &Requester<'_>,
    request: &ImportRequest,
) -> AppResult<ImportReport> {
    let admin = &who.session.user;
    admin_only(state, who.session).await?;
    let mut rows = read(&request.file)?;
    let domains = state
        .store
        .organization_domains(&admin.organization_id)
        .await?;
    let mut seen = HashSet::new();
    for row in rows.iter_mut().filter(|row| is_ready(row)) {
        if let Err((code, column)) = check(row, &domains, &mut seen) {
            row.outcome = ImportOutcome::Refused {
                code,
                column: Some(column),
            };
        }
    }
    match request.step {
        ImportStep::Preview => {
            for row in rows.iter_mut().filter(|row| is_ready(row)) {
                let account = AccountName::parse(&row.account).map_err(|_| broken())?;
                if state.store.account_taken(&account).await? {
                    row.outcome = taken();
                }
            }
        }
        ImportStep::Create => create(state, who, &mut rows).await?,
    }
    Ok(ImportReport { rows })
}

/// The rows of the file, every one `Ready` until checked; a file that is
/// not CSV, or has no usable header, or too many rows, is refused whole.
fn read(file: &str) -> AppResult<Vec<ImportRow>> {
    let at_line = |code: ErrorCode, line: Option<u64>| {
        let mut error = ApiError::at(code, Field::ImportFile);
        error.index = line.and_then(|line| usize::try_from(line).ok());
        AppError::refused(crate::error::Refusal::Invalid, error)
    };
    let mut records = csv_file::records(file, IMPORT_MAX_ROWS + 1)
        .map_err(|malformed| at_line(ErrorCode::ImportMalformed, Some(malformed.line)))?
        .into_iter();
    let Some(header) = records.next() else {
        return Err(at_line(ErrorCode::ImportEmpty, None));
    };
    let mut columns = Vec::with_capacity(header.cells.len());
    for cell in &header.cells {
        let column = ImportColumn::named(cell)
            .ok_or_else(|| at_line(ErrorCode::ImportUnknownColumn, Some(header.line)))?;
        if columns.contains(&column) {
            return Err(at_line(ErrorCode::ImportRepeatedColumn, Some(header.line)));
        }
        columns.push(column);
    }
    if ImportColumn::ALL
        .into_iter()
        .any(|column| column.required() && !columns.contains(&column))
    {
        return Err(at_line(ErrorCode::ImportMissingColumn, Some(header.line)));
    }
    let records: Vec<_> = records.collect();
    if records.is_empty() {
        return Err(at_line(ErrorCode::ImportEmpty, None));
    }
    if records.len() > IMPORT_MAX_ROWS {
        return Err(at_line(ErrorCode::ImportTooManyRows, None));
    }
    Ok(records
        .into_iter()
        .map(|record| row(&columns, &record))
        .collect())
}

/// A record as a row: its cells by column, trimmed. One with more or
/// fewer cells than the header, or a language we do not have, is refused
/// as it stands.
fn row(columns: &[ImportColumn], record: &csv_file::Record) -> ImportRow {
    let cell = |wanted: ImportColumn| {
        columns
            .iter()
            .position(|&column| column == wanted)
            .and_then(|at| record.cells.get(at))
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty())
    };
    let typed_language = cell(ImportColumn::Language);
    let language = typed_language.as_deref().map(language);
    let outcome = if record.cells.len() != columns.len() {
        ImportOutcome::Refused {
            code: ErrorCode::ImportCellCount,
            column: None,
        }
    } else if language == Some(None) {
        ImportOutcome::Refused {
            code: ErrorCode::InvalidLocale,
            column: Some(ImportColumn::Language),
        }
    } else {
        ImportOutcome::Ready
    };
    ImportRow {
        line: record.line,
        account: cell(ImportColumn::Account).unwrap_or_default(),
        display_name: cell(ImportColumn::DisplayName).unwrap_or_default(),
        language: language.flatten(),
        email: cell(ImportColumn::Email),
        outcome,
    }
}

/// A language as people write it: a tag we have (`nl-NL`, any case), or
/// one of the same language (`nl`, `nl-BE`, `sv_FI`).
fn language(typed: &str) -> Option<Locale> {
    Locale::parse(typed).or_else(|| {
        let primary = typed.split(['-', '_']).next()?;
        Locale::ALL.into_iter().find(|locale| {
            locale
                .tag()
                .split('-')
                .next()
                .is_some_and(|ours| ours.eq_ignore_ascii_case(primary))
        })
    })
}

/// A row as Add a person checks one, and its account not on an earlier row.
fn check(
    row: &ImportRow,
    domains: &[String],
    seen: &mut HashSet<String>,
) -> Result<(), (ErrorCode, ImportColumn)> {
    let account = AccountName::parse(&row.account).map_err(|code| (code, ImportColumn::Account))?;
    if !crate::people::in_domains(&account, domains) {
        return Err((ErrorCode::AccountOutsideDomain, ImportColumn::Account));
    }
    crate::people::display_name(&row.display_name)
        .map_err(|error| (code_of(&error), ImportColumn::DisplayName))?;
    if let Some(email) = &row.email {
        crate::invitation::address(email)
            .map_err(|error| (code_of(&error), ImportColumn::Email))?;
    }
    // Last, so that a row refused for another reason leaves its account
    // to a later row that corrects it.
    if !seen.insert(account.as_str().to_owned()) {
        return Err((ErrorCode::ImportDuplicateRow, ImportColumn::Account));
    }
    Ok(())
}

/// Creates the ready rows in one transaction, each with its audit line;
/// a row whose account someone took meanwhile is refused as taken. Then
/// the invitations: a person whose invitation could not be sent is taken
/// out again and the row says why.
async fn create(state: &AppState, who: &Requester<'_>, rows: &mut [ImportRow]) -> AppResult<()> {
    let admin = &who.session.user;
    let mut ready = Vec::new();
    for row in rows.iter().filter(|row| is_ready(row)) {
        let account = AccountName::parse(&row.account).map_err(|_| broken())?;
        let id = PersonId::new(crate::secret::new_id()?);
        ready.push((id, account));
    }
    let people: Vec<NewUser<'_>> = rows
        .iter()
        .filter(|row| is_ready(row))
        .zip(&ready)
        .map(|(row, (id, account))| NewUser {
            id,
            organization_id: &admin.organization_id,
            account_name: account,
            display_name: row.display_name.trim(),
            password_hash: "",
            locale: row.language,
            role: Role::Member,
        })
        .collect();
    let added = AuditEntry {
        user_id: &admin.id,
        subject_id: None,
        action: Action::PersonAdded.as_str(),
        method_id: None,
        detail: "",
        client_address: who.address,
        user_agent: who.user_agent,
    };
    let created = state
        .store
        .import_people(&people, &added, state.now())
        .await?;
    drop(people);
    let mut outcomes = ready.into_iter().zip(created);
    for row in rows.iter_mut().filter(|row| is_ready(row)) {
        let Some(((id, _), created)) = outcomes.next() else {
            return Err(broken());
        };
        row.outcome = match created {
            false => taken(),
            true => match &row.email {
                Some(email) => invite(state, who, &id, email).await?,
                None => ImportOutcome::Created { id, invited: false },
            },
        };
    }
    Ok(())
}

/// Emails the invitation of a person just created; one the mail server
/// refused leaves nobody behind (S39), and the row says so.
async fn invite(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
    email: &str,
) -> AppResult<ImportOutcome> {
    let admin = &who.session.user;
    let to = crate::invitation::address(email)?;
    let person = state
        .store
        .person_of(&admin.organization_id, id)
        .await?
        .ok_or_else(broken)?;
    match crate::invitation::send(state, &person, &to, admin, who.locale).await {
        Ok(()) => {
            who.record_for(state, Action::InvitationSent, id, &to)
                .await?;
            Ok(ImportOutcome::Created {
                id: id.clone(),
                invited: true,
            })
        }
        Err(error) => {
            state
                .store
                .delete_person(&admin.organization_id, id)
                .await?;
            Ok(ImportOutcome::Refused {
                code: code_of(&error),
                column: Some(ImportColumn::Email),
            })
        }
    }
}

fn is_ready(row: &ImportRow) -> bool {
    row.outcome == ImportOutcome::Ready
}

fn taken() -> ImportOutcome {
    ImportOutcome::Refused {
        code: ErrorCode::AccountExists,
        column: Some(ImportColumn::Account),
    }
}

/// The code of a refusal; anything unforeseen is logged, and `internal`.
fn code_of(error: &AppError) -> ErrorCode {
    match error {
        AppError::Refused { error, .. } => error.code,
        AppError::Internal(source) => {
            tracing::error!(error = %source, "an import row failed");
            ErrorCode::Internal
        }
    }
}

/// A row checked ready whose account no longer parses: never.
fn broken() -> AppError {
    AppError::broken("an import row checked ready is not")
}
