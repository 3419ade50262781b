//! Mappings onto the machine-readable outputs (`M8xx`): with an `app` declared,
//! every data item must have an app-store data type (M801), every purpose a Google
//! Play answer when the app is on Android (M802), tracking needs tracking domains
//! (M803), and each platform its store identifier (M804); gpc.json's date may not
//! precede the policy's (M805).

use super::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::emit::flows::flows_of;
use crate::model::{App, Platform};
use crate::vocabulary::stores::play_purpose;
use crate::vocabulary::Term;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    check_gpc_date(cx, out);
    let Some(app) = &cx.policy.app else { return };
    let flows = flows_of(cx.policy, &cx.facts);
    let mut seen_items = std::collections::HashSet::new();
    for f in &flows {
        let target = format!("{} {}", f.kind.word(), f.name);
        for item in &f.items {
            if item.mappings.is_empty() && seen_items.insert((item.name.clone(), f.name.clone())) {
                out.push(
                    cx.diag(
                        Code::UnmappedStoreData,
                        format!(
                            "`{}` in {} `{}` has no App Store or Google Play data type: its only category is `other-category`",
                            item.name,
                            f.kind.word(),
                            f.name
                        ),
                        &[&item.origin, &f.origin],
                    )
                    .help(
                        "give it a category that says what it is, e.g. `categories interactive` (Other usage data / Other actions), `content` (Other user content), `preference`, `demographic`",
                    )
                    .target(target.clone()),
                );
            }
        }
        if app.on(Platform::Android) {
            let mut reported = Vec::new();
            for (p, _) in &f.purposes {
                if play_purpose(*p).is_none() && !reported.contains(p) {
                    reported.push(*p);
                    out.push(
                        cx.diag(
                            Code::UnmappedPlayPurpose,
                            format!(
                                "purpose `{}` of {} `{}` has no Google Play Data safety answer",
                                p.word(),
                                f.kind.word(),
                                f.name
                            ),
                            &[&f.origin],
                        )
                        .help(
                            "name the purpose the data serves (`current`, `admin`, `develop`, `tailoring`, `pseudo-analysis`, `contact`, ...), or add `platforms ios` to the `app` if the Android app does not collect it",
                        )
                        .target(target.clone()),
                    );
                }
            }
        }
    }
    if app.on(Platform::Ios) && app.tracking_domains.is_empty() {
        if let Some(f) = flows.iter().find(|f| f.tracking()) {
            out.push(
                cx.diag(
                    Code::TrackingWithoutDomains,
                    format!(
                        "{} `{}` is tracking in Apple's sense, but the `app` lists no tracking domains",
                        f.kind.word(),
                        f.name
                    ),
                    &[&app.origin],
                )
                .label(&f.origin.clone(), "tracking here")
                .help("add the domains the app contacts for tracking: `tracking-domains \"ads.example.net\"`")
                .target(cx.policy_target()),
            );
        }
    }
    identifiers(cx, app, out);
}

fn identifiers(cx: &Context<'_>, app: &App, out: &mut Vec<Diagnostic>) {
    let missing: Vec<(&str, &str)> = [
        (
            Platform::Ios,
            app.bundle_id.is_none(),
            "Apple bundle ID",
            "bundle-id \"com.example.app\"",
        ),
        (
            Platform::Android,
            app.package.is_none(),
            "Android package name",
            "package \"com.example.app\"",
        ),
    ]
    .into_iter()
    .filter(|(p, none, _, _)| *none && app.on(*p))
    .map(|(_, _, what, line)| (what, line))
    .collect();
    for (what, line) in missing {
        out.push(
            cx.diag(
                Code::AppWithoutIdentifier,
                format!("the `app` \"{}\" has no {what}", app.name),
                &[&app.origin],
            )
            .help(format!("add `{line}` to the `app` block, or list only the platforms it is on (`platforms ...`)"))
            .target(cx.policy_target()),
        );
    }
}

/// M805: gpc.json's `lastUpdate` (the policy's `updated` date, else `effective`)
/// must not precede `effective`.
pub(crate) fn check_gpc_date(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    if p.legal.gpc_honoured.is_none() {
        return;
    }
    let (Some(updated), Some(effective)) = (&p.legal.updated, &p.effective) else {
        return;
    };
    // Both are YYYY-MM-DD (checked by resolve), so text order is date order.
    if updated < effective {
        out.push(
            cx.diag(
                Code::GpcDateBeforeEffective,
                format!(
                    "`updated {updated}` is before `effective {effective}`: gpc.json's lastUpdate would predate the policy"
                ),
                &[&p.legal.origin, &p.origin],
            )
            .help(format!("set `updated` to {effective} or later"))
            .target(cx.policy_target()),
        );
    }
}
