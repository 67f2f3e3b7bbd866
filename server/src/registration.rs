//! Beginning to register a phone or an email address: what is typed is
//! checked against the policy and the person's methods, then a code or a
//! call goes to it. The challenge is finished as any other
//! (`verification::submit_code`, `verification::call_progress`).

use models::MethodId;
use models::{
    Challenge, Channel, EmailAddress, ErrorCode, Field, MethodKind, StartEmailRequest,
    StartPhoneRequest,
};

use crate::audit::Requester;
use crate::error::{AppError, AppResult};
use crate::phone::PhoneNumber;
use crate::state::AppState;
use crate::store::{Destination, MethodRecord, Purpose, Registering};
use crate::verification;

/// Validates the number and sends a code or places a call to it.
pub async fn start_phone(
    state: &AppState,
    who: &Requester<'_>,
    methods: &[MethodRecord],
    request: &StartPhoneRequest,
) -> AppResult<Challenge> {
    let session = who.session;
    let policy = session.user.policy.clone();
    let kind = request.kind;
    if !kind.is_phone() || !policy.allows(kind) {
        return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
    }
    if kind == MethodKind::AlternatePhone && !methods.iter().any(|m| m.kind == MethodKind::Phone) {
        return Err(AppError::invalid(
            ErrorCode::PhoneRequiredFirst,
            Field::Kind,
        ));
    }
    if !kind.deliveries().contains(&request.delivery) {
        return Err(AppError::invalid(
            ErrorCode::DeliveryUnavailable,
            Field::Kind,
        ));
    }
    match &request.replaces {
        Some(old) if !methods.iter().any(|m| &m.id == old && m.kind == kind) => {
            return Err(AppError::not_found());
        }
        None if methods.iter().any(|m| m.kind == kind) => {
            return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
        }
        _ => {}
    }
    let number = PhoneNumber::parse(&request.region, &request.number)
        .map_err(|(code, field)| AppError::invalid(code, field))?;
    // Refused before any provider call (S17): by the number's own region,
    // never the typed one, and by its type (toll fraud, F8).
    if !policy.allows_country(number.own_region.as_deref()) {
        return Err(AppError::invalid(
            ErrorCode::CountryNotAllowed,
            Field::Region,
        ));
    }
    if !policy.allows_number_type(number.number_type) {
        return Err(AppError::invalid(
            ErrorCode::NumberTypeNotAllowed,
            Field::PhoneNumber,
        ));
    }
    let keeps_extension = kind == MethodKind::OfficePhone;
    let extension = number.extension.clone().filter(|_| keeps_extension);
    let purpose = Purpose::Register(Registering {
        kind,
        region: number.region.clone(),
        replaces: request.replaces.clone().map(MethodId::into_string),
    });
    let to = Destination::Phone {
        e164: number.e164.clone(),
        extension,
    };
    let mut challenge =
        verification::send(state, who, &policy, &purpose, request.delivery.into(), &to).await?;
    challenge.extension_removed = number.extension.is_some() && !keeps_extension;
    // One number as two methods counts once for a reset (N8): say so now.
    challenge.also_registered_as = methods
        .iter()
        .find(|m| {
            request.replaces.as_ref().is_none_or(|old| *old != m.id)
                && m.phone.as_ref().is_some_and(|p| p.e164 == number.e164)
        })
        .map(|m| m.kind);
    Ok(challenge)
}

/// Validates the address and sends a 6-digit code to it.
pub async fn start_email(
    state: &AppState,
    who: &Requester<'_>,
    methods: &[MethodRecord],
    request: &StartEmailRequest,
) -> AppResult<Challenge> {
    let session = who.session;
    let policy = session.user.policy.clone();
    if !policy.allows(MethodKind::Email) {
        return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
    }
    // One email address; a second one is a change of the first.
    match &request.replaces {
        Some(old)
            if !methods
                .iter()
                .any(|m| &m.id == old && m.kind == MethodKind::Email) =>
        {
            return Err(AppError::not_found());
        }
        None if methods.iter().any(|m| m.kind == MethodKind::Email) => {
            return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
        }
        _ => {}
    }
    // Internationalized domains go on the wire in their ASCII form.
    let address = EmailAddress::parse(&request.address)
        .and_then(|address| address.ascii())
        .map_err(|code| AppError::invalid(code, Field::Email))?;
    let account_domain = session
        .user
        .account_name
        .as_str()
        .rsplit_once('@')
        .map(|(_, domain)| domain)
        .unwrap_or_default();
    if address.is_in_domain(account_domain) {
        return Err(AppError::invalid(
            ErrorCode::EmailInAccountDomain,
            Field::Email,
        ));
    }
    let purpose = Purpose::Register(Registering {
        kind: MethodKind::Email,
        region: String::new(),
        replaces: request.replaces.clone().map(MethodId::into_string),
    });
    let to = Destination::Email {
        address: address.to_string(),
    };
    verification::send(state, who, &policy, &purpose, Channel::Email, &to).await
}
