//! Set up security questions (SPEC §5): choose distinct questions from the
//! localized pool (and the organization's own), answer each, Save.

use i18n::Args;
use leptos::prelude::*;
use models::endpoints;
use models::{
    ApiError, ErrorCode, Field, MethodKind, QuestionAnswer, QuestionAnswers, QuestionChoices,
    SecurityInfo,
};

use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::icons::MethodIcon;
use crate::components::progress::Progress;
use crate::components::wizard_done::WizardDone;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;

#[component]
pub fn QuestionsWizard(on_done: Callback<SecurityInfo>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let choices: RwSignal<Option<QuestionChoices>> = RwSignal::new(None);
    let form = FormSubmit::new();
    let FormSubmit { busy, error } = form;
    let result: RwSignal<Option<SecurityInfo>> = RwSignal::new(None);
    let picked: RwSignal<Vec<RwSignal<String>>> = RwSignal::new(Vec::new());
    let typed: RwSignal<Vec<RwSignal<String>>> = RwSignal::new(Vec::new());
    leptos::task::spawn_local(async move {
        match api::call::<endpoints::GetQuestionChoices>(&()).await {
            Ok(c) => {
                picked.set(
                    (0..c.required)
                        .map(|_| RwSignal::new(String::new()))
                        .collect(),
                );
                typed.set(
                    (0..c.required)
                        .map(|_| RwSignal::new(String::new()))
                        .collect(),
                );
                choices.set(Some(c));
            }
            Err(e) => error.set(Some(e)),
        }
    });
    // What the browser finds missing, every field at once; then the
    // server's one refusal.
    let missing: RwSignal<Vec<ApiError>> = RwSignal::new(Vec::new());
    let error_at = move |field: Field, n: usize| {
        Signal::derive(move || {
            let at = |e: &ApiError| e.field == Some(field) && e.index == Some(n);
            missing
                .with(|m| m.iter().find(|e| at(e)).map(|e| i18n.error(e)))
                .or_else(|| error.with(|e| e.as_ref().filter(|e| at(e)).map(|e| i18n.error(e))))
        })
    };
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.index.is_none())
                .map(|e| i18n.error(e))
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = QuestionAnswers {
            answers: picked
                .get_untracked()
                .iter()
                .zip(typed.get_untracked().iter())
                .map(|(q, a)| QuestionAnswer {
                    question: q.get_untracked(),
                    answer: a.get_untracked(),
                })
                .collect(),
        };
        let empty: Vec<ApiError> = answers
            .answers
            .iter()
            .enumerate()
            .flat_map(|(n, a)| {
                let at = |code, field| {
                    let mut e = ApiError::at(code, field);
                    e.index = Some(n);
                    e
                };
                [
                    a.question
                        .is_empty()
                        .then(|| at(ErrorCode::QuestionRequired, Field::Question)),
                    a.answer
                        .trim()
                        .is_empty()
                        .then(|| at(ErrorCode::AnswerLength, Field::Answer)),
                ]
                .into_iter()
                .flatten()
            })
            .collect();
        error.set(None);
        if let Some(first) = empty.first() {
            let id = match first.field {
                Some(Field::Question) => format!("question-{}", first.index.unwrap_or(0)),
                _ => format!("answer-{}", first.index.unwrap_or(0)),
            };
            missing.set(empty);
            if let Some(element) = document().get_element_by_id(&id)
                && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
            {
                let _ = element.focus();
            }
            return;
        }
        missing.set(Vec::new());
        let request = async move { api::call::<endpoints::SaveQuestions>(&answers).await };
        form.send(request, move |info| result.set(Some(info)));
    };

    view! {
        <h2 id="dialog-title" class="dialog-title"><MethodIcon kind=MethodKind::SecurityQuestions/>{move || i18n.t("questions-wizard-title")}</h2>
        <ErrorAlert message=general/>
        {move || match (result.get(), choices.get()) {
            (Some(info), _) => view! {
                <WizardDone text_id="questions-success-text" on_done=Callback::new(move |()| on_done.run(info.clone()))/>
            }.into_any(),
            (None, None) => view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }.into_any(),
            (None, Some(c)) => {
                let count = c.required;
                let intro = move || {
                    let mut args = Args::new();
                    args.set("count", count);
                    i18n.t_with("questions-wizard-intro", &args)
                };
                let rows = (0..count).map(|n| {
                    let question = picked.with_untracked(|p| p[n]);
                    let answer = typed.with_untracked(|t| t[n]);
                    let (q_error, a_error) = (error_at(Field::Question, n), error_at(Field::Answer, n));
                    let label = move |id: &'static str| {
                        let mut args = Args::new();
                        args.set("number", n + 1);
                        i18n.t_with(id, &args)
                    };
                    let predefined = c.predefined.clone();
                    let custom = c.custom.clone();
                    let (q_id, a_id, hint_id) = (format!("question-{n}"), format!("answer-{n}"), format!("answer-{n}-hint"));
                    view! {
                        <fieldset class="question-row">
                            <div class="field" class:field-invalid=move || q_error.with(Option::is_some)>
                                <label class="field-label" for=q_id.clone()>{move || label("questions-question-label")}</label>
                                <select id=q_id.clone() class="field-input" aria-invalid=move || q_error.with(Option::is_some).then_some("true")
                                    on:change=move |ev| question.set(event_target_value(&ev))>
                                    <option value="">{move || i18n.t("questions-choose")}</option>
                                    {predefined.into_iter().map(|id| {
                                        let message = format!("question-{id}");
                                        view! { <option value=id>{move || i18n.t(&message)}</option> }
                                    }).collect_view()}
                                    {custom.into_iter().map(|q| {
                                        let written = q.written.clone();
                                        let lang = move || written.text_in(i18n.locale()).1.map(models::Locale::tag);
                                        let written = q.written;
                                        view! { <option value=q.id lang=lang>{move || own_question(&i18n, &written)}</option> }
                                    }).collect_view()}
                                </select>
                                {move || q_error.get().map(|t| view! { <p class="field-error"><span class="field-error-icon" aria-hidden="true"></span>{t}</p> })}
                            </div>
                            <div class="field" class:field-invalid=move || a_error.with(Option::is_some)>
                                <label class="field-label" for=a_id.clone()>{move || label("questions-answer-label")}</label>
                                <input id=a_id.clone() class="field-input" type="text" autocomplete="off" maxlength="60"
                                    aria-describedby=hint_id.clone()
                                    aria-invalid=move || a_error.with(Option::is_some).then_some("true")
                                    prop:value=move || answer.get() on:input=move |ev| answer.set(event_target_value(&ev))/>
                                <p class="field-hint" id=hint_id.clone()>{move || i18n.t("questions-answer-hint")}</p>
                                {move || a_error.get().map(|t| view! { <p class="field-error"><span class="field-error-icon" aria-hidden="true"></span>{t}</p> })}
                            </div>
                        </fieldset>
                    }
                }).collect_view();
                view! {
                    <p>{intro}</p>
                    <form class="form" novalidate on:submit=submit>
                        {rows}
                        <FormActions back=i18n.text("dialog-cancel") on_back=on_cancel>
                            <SubmitButton label=i18n.text("questions-save") busy/>
                        </FormActions>
                    </form>
                }.into_any()
            }
        }}
    }
}

/// An organization's own question in the page's language, or as it was
/// written, marked with the language it is in (walk issue, item 13).
pub fn own_question(i18n: &crate::i18n::I18n, written: &models::OwnQuestion) -> String {
    match written.text_in(i18n.locale()) {
        (text, None) => text,
        (text, Some(language)) => {
            let mut args = Args::new();
            args.set("question", text);
            args.set("language", language.tag());
            i18n.t_with("question-written-in", &args)
        }
    }
}
