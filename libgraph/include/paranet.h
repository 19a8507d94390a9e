/* paranet: network analysis of paradiplomacy. The umbrella header. */
#ifndef PARANET_H
#define PARANET_H

#include "paranet/common.h"
#include "paranet/error.h"
#include "paranet/vocab.h"
#include "paranet/dataset.h"
#include "paranet/io.h"
#include "paranet/graph.h"
#include "paranet/view.h"
#include "paranet/interchange.h"
#include "paranet/merge.h"
#include "paranet/diagram.h"
#include "paranet/metrics.h"
#include "paranet/paths.h"
#include "paranet/partners.h"
#include "paranet/generate.h"
#include "paranet/aggregate.h"
#include "paranet/timeline.h"
#include "paranet/chart.h"

/** The library's version string ("0.1.0"), which may differ from the header's PN_VERSION. */
PN_EXTERN const char *pn_version(void);

#endif
