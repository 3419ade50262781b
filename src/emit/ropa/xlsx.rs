//! The record of processing as an XLSX workbook: one sheet per policy, a bold,
//! frozen header row of words, wrapped text. The document's creation time is the
//! policy's effective date, so the same policy always gives the same bytes.

use super::{records, Records, COLUMNS};
use crate::emit::EmitError;
use crate::model::PolicySet;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').to_string();
    let base = if clean.is_empty() {
        "Policy".to_string()
    } else {
        clean
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" ({n})");
        candidate = format!(
            "{}{suffix}",
            base.chars().take(31 - suffix.len()).collect::<String>()
        );
        n += 1;
    }
    candidate
}

fn date(set: &PolicySet) -> (u16, u8, u8) {
    let parse = |s: &str| -> Option<(u16, u8, u8)> {
        let mut it = s.split('-');
        Some((
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
        ))
    };
    set.policies
        .iter()
        .filter_map(|p| p.effective.as_deref().and_then(parse))
        .max()
        .unwrap_or((2000, 1, 1))
}

fn build(set: &PolicySet, records: &Records<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let (y, m, d) = date(set);
    let created =
        ExcelDateTime::from_ymd(y, m, d).or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1))?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Record of processing activities (GDPR Article 30(1))")
            .set_creation_datetime(&created),
    );
    let header = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let mut taken = Vec::new();
    for (p, rows) in records {
        let name = sheet_name(&p.name, &taken);
        taken.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        // The policy column is the sheet itself; the sheet starts at the activity.
        for (col, (h, _)) in COLUMNS.iter().skip(1).enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, col, *h, &header)?;
            sheet.set_column_width(col, if col == 0 { 30 } else { 40 })?;
        }
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (col, v) in row.iter().skip(1).enumerate() {
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                sheet.write_string_with_format(r, col, v, &wrap)?;
            }
        }
        sheet.set_freeze_panes(1, 1)?;
    }
    book.save_to_buffer()
}

/// The workbook's bytes.
pub fn xlsx(set: &PolicySet) -> Result<Vec<u8>, EmitError> {
    xlsx_of(set, &records(set))
}

/// [`xlsx`] from the set's activities already derived.
pub(super) fn xlsx_of(set: &PolicySet, records: &Records<'_>) -> Result<Vec<u8>, EmitError> {
    build(set, records).map_err(|e| EmitError {
        message: format!("cannot write the record of processing as XLSX: {e}"),
    })
}
