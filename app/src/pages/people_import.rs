//! Import people (for administrators): a CSV file is read here (UTF-8 or
//! refused), checked by the server row by row, shown as a preview, and only
//! then created; the report says of every line what became of it, and can
//! be downloaded — inert in a spreadsheet (S44).

use leptos::prelude::*;
use models::endpoints::ImportPeople;
use models::{
    ApiError, ErrorCode, Field, IMPORT_MAX_BYTES, ImportColumn, ImportOutcome, ImportReport,
    ImportRequest, ImportRow, ImportStep,
};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::form_submit::FormSubmit;
use crate::i18n::{I18n, use_i18n};
use crate::pages::for_administrators::ForAdministrators;
use crate::session::use_session;

/// The most lines a report shows on the page (those refused first); the
/// download has them all.
const LINES_SHOWN: usize = 100;

#[component]
pub fn PeopleImportPage() -> impl IntoView {
    view! { <ForAdministrators title_id="people-import-title"><Import/></ForAdministrators> }
}

/// Where the import stands: a file to choose, its preview, or done.
#[derive(Clone)]
enum Stage {
    Choose,
    Preview(ImportReport),
    Done(ImportReport),
}

#[component]
fn Import() -> impl IntoView {
    let i18n = use_i18n();
    let stage = RwSignal::new(Stage::Choose);
    // The file as read, sent again to create what the preview showed.
    let file_text = StoredValue::new(String::new());
    let form = FormSubmit::new();
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let read = async move {
            let text = read_file(chosen).await?;
            let request = ImportRequest {
                file: text.clone(),
                step: ImportStep::Preview,
            };
            let report = api::call::<ImportPeople>(&request).await?;
            Ok((text, report))
        };
        form.send_or(
            read,
            move |(text, report)| {
                file_text.set_value(text);
                stage.set(Stage::Preview(report));
            },
            move |refusal| {
                form.error.set(Some(refusal));
                if let Some(input) = file_input.get_untracked() {
                    let _ = input.focus();
                }
            },
        );
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ImportRequest {
            file: file_text.get_value(),
            step: ImportStep::Create,
        };
        let sent = async move { api::call::<ImportPeople>(&request).await };
        form.send(sent, move |report| stage.set(Stage::Done(report)));
    };
    let again = Callback::new(move |()| {
        form.error.set(None);
        stage.set(Stage::Choose);
    });
    let file_error = Signal::derive(move || {
        form.error.with(|e| {
            e.as_ref()
                .filter(|e| e.field == Some(Field::ImportFile))
                .map(|e| file_problem(i18n, e))
        })
    });
    let general = i18n.error_besides_any(form.error, &[Field::ImportFile]);
    view! {
        <section class="people-import" aria-labelledby="people-import-title">
            <header class="page-header">
                <p><a href="/admin/people">{move || i18n.t("people-import-back")}</a></p>
                <h1 id="people-import-title">{move || i18n.t("people-import-title")}</h1>
                <p class="lead">{move || i18n.t("people-import-intro")}</p>
            </header>
            <div data-focus-region="">
                <ErrorAlert message=general/>
                {move || match stage.get() {
                    Stage::Choose => view! {
                        <form class="form" novalidate on:submit=check>
                            <p>{move || i18n.t("people-import-columns")}</p>
                            <p><Example/></p>
                            <FileField error=file_error node_ref=file_input/>
                            <FormActions>
                                <SubmitButton label=i18n.text("people-import-check") busy=form.busy/>
                            </FormActions>
                        </form>
                    }.into_any(),
                    Stage::Preview(report) => {
                        let ready = report.count(|o| *o == ImportOutcome::Ready);
                        let create_label = Signal::derive(move || {
                            let mut args = i18n::Args::new();
                            args.set("count", ready);
                            i18n.t_with("people-import-create", &args)
                        });
                        view! {
                            <form class="form" novalidate on:submit=create>
                                <Summary report=report.clone() done=false/>
                                <Lines report/>
                                <FormActions back=i18n.text("people-import-another") on_back=again>
                                    {(ready > 0).then(|| view! {
                                        <SubmitButton label=create_label busy=form.busy/>
                                    })}
                                </FormActions>
                            </form>
                        }.into_any()
                    }
                    Stage::Done(report) => view! {
                        <Summary report=report.clone() done=true/>
                        <Lines report/>
                        <div class="form-actions">
                            <a class="button button-primary" href="/admin/people">{move || i18n.t("people-import-back")}</a>
                            <button type="button" class="button button-secondary" on:click=move |_| again.run(())>
                                {move || i18n.t("people-import-another")}
                            </button>
                        </div>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The file chosen, read as UTF-8; refused before it is sent when there is
/// none, when it is larger than the server takes, or in another encoding.
async fn read_file(chosen: Option<web_sys::File>) -> api::ApiResult<String> {
    let at_file = |code| ApiError::at(code, Field::ImportFile);
    let file = chosen.ok_or_else(|| at_file(ErrorCode::ImportFileRequired))?;
    // 4 MB is exact as an f64.
    if file.size() > f64::from(u32::try_from(IMPORT_MAX_BYTES).unwrap_or(u32::MAX)) {
        return Err(at_file(ErrorCode::PayloadTooLarge));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| at_file(ErrorCode::ImportFileRequired))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    String::from_utf8(bytes).map_err(|_| at_file(ErrorCode::ImportNotUtf8))
}

/// A refusal of the whole file, and the line it is on when it is on one.
fn file_problem(i18n: I18n, error: &ApiError) -> String {
    let problem = i18n.error(error);
    match error.index {
        Some(line) => {
            let mut args = i18n::Args::new();
            args.set("line", line);
            format!("{problem} {}", i18n.t_with("people-import-on-line", &args))
        }
        None => problem,
    }
}

/// The element ids of the file field's hint and refusal.
const HINT_ID: &str = "import-file-hint";
const ERROR_ID: &str = "import-file-error";

/// The file input, labelled, with its hint and its refusal.
#[component]
fn FileField(
    error: Signal<Option<String>>,
    node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let described_by = move || match error.with(Option::is_some) {
        true => format!("{ERROR_ID} {HINT_ID}"),
        false => HINT_ID.to_owned(),
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label class="field-label" for="import-file">{move || i18n.t("people-import-file")}</label>
            <p class="field-hint" id=HINT_ID>{move || i18n.t("people-import-file-hint")}</p>
            <input class="field-input field-file" id="import-file" name="import-file" type="file"
                accept=".csv,text/csv" node_ref=node_ref
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by/>
            {move || error.get().map(|text| view! {
                <p class="field-error" id=ERROR_ID>
                    <span class="field-error-icon" aria-hidden="true"></span>
                    {text}
                </p>
            })}
        </div>
    }
}

/// A file to start from: the columns, and two people of the organization's
/// domain.
#[component]
fn Example() -> impl IntoView {
    let session = use_session();
    let domain = session.user_text(|u| {
        u.account_name
            .as_str()
            .rsplit_once('@')
            .map(|(_, d)| d.to_owned())
            .unwrap_or_default()
    });
    let mut file = models::csv_line(ImportColumn::ALL.map(ImportColumn::header));
    file.push_str(&models::csv_line([
        format!("zoe.dubois@{domain}").as_str(),
        "Zoë Dubois",
        "nl-NL",
        "zoe.dubois@example.net",
    ]));
    file.push_str(&models::csv_line([
        format!("lars.berg@{domain}").as_str(),
        "Lars Berg",
        "sv-SE",
        "",
    ]));
    view! { <Download text=file name="people-example.csv" label_id="people-import-example" class="link"/> }
}

/// What the file does, or did: how many lines are ready or created, and
/// how many refused.
#[component]
fn Summary(report: ImportReport, done: bool) -> impl IntoView {
    let i18n = use_i18n();
    let ready = report.count(|o| *o == ImportOutcome::Ready);
    let created = report.count(|o| matches!(o, ImportOutcome::Created { .. }));
    let invited = report.count(|o| matches!(o, ImportOutcome::Created { invited: true, .. }));
    let refused = report.count(|o| matches!(o, ImportOutcome::Refused { .. }));
    let title_id = match done {
        false => "people-import-preview-title",
        true => "people-import-done-title",
    };
    let summary_id = match done {
        false => "people-import-preview-summary",
        true => "people-import-done-summary",
    };
    let summary = move || {
        let mut args = i18n::Args::new();
        args.set("ready", ready);
        args.set("created", created);
        args.set("invited", invited);
        args.set("refused", refused);
        i18n.t_with(summary_id, &args)
    };
    let report_file = report_csv(i18n, &report);
    view! {
        <h2 tabindex="-1" data-step-start="">{move || i18n.t(title_id)}</h2>
        <p role="status">{summary}</p>
        <p><Download text=report_file name="people-import-report.csv" label_id="people-import-report" class="link"/></p>
    }
}

/// The lines of a report: refused ones first, then the rest, as many as
/// the page shows well.
#[component]
fn Lines(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let total = report.rows.len();
    let refused = |row: &ImportRow| matches!(row.outcome, ImportOutcome::Refused { .. });
    let (mut rows, rest): (Vec<_>, Vec<_>) = report.rows.into_iter().partition(refused);
    rows.extend(rest);
    rows.truncate(LINES_SHOWN);
    let shown = rows.len();
    let note = move || {
        let mut args = i18n::Args::new();
        args.set("shown", shown);
        args.set("total", total);
        i18n.t_with("people-import-shown", &args)
    };
    view! {
        {(shown < total).then(|| view! { <p class="muted">{note}</p> })}
        <table class="people-table import-lines">
            <caption class="visually-hidden">{move || i18n.t("people-import-lines")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("people-import-column-line")}</th>
                    <th scope="col">{move || i18n.t("people-import-column-account")}</th>
                    <th scope="col">{move || i18n.t("people-import-column-name")}</th>
                    <th scope="col">{move || i18n.t("people-import-column-email")}</th>
                    <th scope="col">{move || i18n.t("people-import-column-result")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! { <Line row/> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Line(row: ImportRow) -> impl IntoView {
    let i18n = use_i18n();
    let refused = matches!(row.outcome, ImportOutcome::Refused { .. });
    let outcome = row.outcome.clone();
    let label = |id: &'static str| move || i18n.t(id);
    view! {
        <tr class:import-refused=refused>
            <th scope="row" data-label=label("people-import-column-line")>{row.line}</th>
            <td data-label=label("people-import-column-account")>{row.account}</td>
            <td data-label=label("people-import-column-name")>{row.display_name}</td>
            <td data-label=label("people-import-column-email")>{row.email.unwrap_or_default()}</td>
            <td data-label=label("people-import-column-result")>{move || result(i18n, &outcome)}</td>
        </tr>
    }
}

/// What became of a line, in words.
fn result(i18n: I18n, outcome: &ImportOutcome) -> String {
    match outcome {
        ImportOutcome::Ready => i18n.t("people-import-ready"),
        ImportOutcome::Created { invited: false, .. } => i18n.t("people-import-created"),
        ImportOutcome::Created { invited: true, .. } => i18n.t("people-import-invited"),
        ImportOutcome::Refused { code, .. } => i18n.error(&ApiError::new(*code)),
    }
}

/// The report as a CSV file, every line, in the administrator's language
/// and inert in a spreadsheet (S44).
fn report_csv(i18n: I18n, report: &ImportReport) -> String {
    let header = [
        i18n.t("people-import-column-line"),
        i18n.t("people-import-column-account"),
        i18n.t("people-import-column-name"),
        i18n.t("people-import-column-language"),
        i18n.t("people-import-column-email"),
        i18n.t("people-import-column-result"),
    ];
    let mut file = models::csv_line(header.iter().map(String::as_str));
    for row in &report.rows {
        let line = row.line.to_string();
        let outcome = result(i18n, &row.outcome);
        file.push_str(&models::csv_line([
            line.as_str(),
            &row.account,
            &row.display_name,
            row.language.map_or("", models::Locale::tag),
            row.email.as_deref().unwrap_or(""),
            &outcome,
        ]));
    }
    file
}

/// A link that downloads `text` as a CSV file named `name` (with a
/// byte-order mark, so that a spreadsheet reads it as UTF-8).
#[component]
fn Download(
    text: String,
    name: &'static str,
    label_id: &'static str,
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = object_url(&format!("\u{feff}{text}"));
    let revoke = href.clone();
    on_cleanup(move || {
        if let Some(url) = &revoke {
            let _ = web_sys::Url::revoke_object_url(url);
        }
    });
    view! { <a class=class href=href download=name>{move || i18n.t(label_id)}</a> }
}

/// A `blob:` address for `text` as a CSV file.
fn object_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
