/* paranet: the explorer, one self-contained HTML file of a view
 * (docs/explorer.md).
 *
 * The drawing is the SVG pn_diagram_render makes of the same dataset and
 * options (the same layout, styles and legend), inlined, each actor's node
 * and each edge carrying an id ("a<actor index>", "e<edge>") that the data
 * beside it names. The file holds the dataset as canonical JSON (every
 * field, note and source, for the panel), for every tie the edge it is
 * drawn in and the years in which the view `--at Y` keeps it (computed with
 * pn_view_select, so the page applies exactly the library's time rules),
 * and the explorer's own script and style, embedded in the library at
 * build time: nothing is fetched, the file opens from disk or a USB stick.
 */
#ifndef PARANET_EXPLORER_H
#define PARANET_EXPLORER_H

#include <stddef.h>

#include "paranet/common.h"
#include "paranet/dataset.h"
#include "paranet/diagram.h"
#include "paranet/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write the explorer of a dataset's view as one HTML file.
 *
 * The view and drawing options are those of pn_diagram_render (NULL for
 * the defaults). A view whose bases are not given (view.bases 0) is drawn
 * with every basis, so that the page's basis filter can show recommended
 * and proposed ties; it opens with the default bases (reported, inferred)
 * ticked, as every command's default view. The same dataset and options
 * give the same bytes. Cost: the layout's (as pn_diagram_render's SVG),
 * plus O(T x Y) for the years (Y years from the first to the last date).
 *
 * @param[out] out the bytes, NUL-terminated (the NUL not counted), owned by
 * the caller (free()). @param[out] len their length.
 * @return 0, or an error of pn_diagram_render (PN_ELIMIT, PN_EINVAL,
 * PN_ENOTFOUND, PN_EGRAPHVIZ, PN_ENOMEM); messages go to diags.
 */
PN_EXTERN int pn_explorer_render(const pn_dataset *ds, const pn_diagram_options *opts, char **out,
                                 size_t *len, pn_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
