/* Shared by the writers of report_write (report.c, report_latex.c). */
#ifndef PN_REPORT_PRIVATE_H
#define PN_REPORT_PRIVATE_H

#include <stdio.h>

#include "report.h"

/* Row r of t, the header row as row 0, column c. */
const char *report_cell(const report_table *t, size_t r, size_t c);

/* The name of table i of a report: "rows" for the first. */
const char *report_table_name(const report_table *t, size_t i);

/* The latex format. */
void report_write_latex(const report *r, const report_write_opts *o, FILE *out);

#endif
