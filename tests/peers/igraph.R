# paranet's GraphML and CSV exports read by R igraph (tests/peers/exports.sh).
# Rscript igraph.R DIR NAME...: for each NAME, DIR/NAME.graphml and the CSV
# tables DIR/NAME/ against DIR/NAME.expect-{actors,ties}.csv (written from
# the dataset JSON by peers.py expect); writes the GraphML back as
# DIR/NAME.r-igraph.graphml, and the data frames of the graphs read from
# the GraphML and the CSV as DIR/NAME.r-igraph-gml-csv/ and
# DIR/NAME.r-igraph-csv/. Prints "PASS name" / "FAIL name: what", names
# FORMAT/r-igraph/DATASET/WHAT as in tests/peers/pending.txt.
suppressMessages(library(igraph))
args <- commandArgs(TRUE)
dir <- args[1]
report <- function(name, ok, what = "") {
  cat(if (isTRUE(ok)) "PASS " else "FAIL ", name, if (isTRUE(ok)) "" else paste0(": ", what), "\n",
      sep = "")
}
pair_key <- function(a, b, directed) {
  if (directed) paste(a, b, sep = " -> ") else paste(pmin(a, b), pmax(a, b), sep = " -- ")
}
check <- function(prefix, g, ids, ex_actors, ex_ties, named = TRUE) {
  report(paste0(prefix, "/ids"), setequal(ids, ex_actors$id) && length(ids) == nrow(ex_actors),
         paste(length(ids), "ids for", nrow(ex_actors), "actors"))
  if (named)
    report(paste0(prefix, "/name-is-id"), identical(V(g)$name, ids),
           paste("V(g)$name is not the actor id, e.g.", V(g)$name[1]))
  report(paste0(prefix, "/tie-count"), ecount(g) == nrow(ex_ties),
         paste(ecount(g), "edges for", nrow(ex_ties), "ties"))
  d <- is_directed(g)
  report(paste0(prefix, "/directed"), d == ex_ties$any_directed[1],
         paste("read as", if (d) "directed" else "undirected"))
  el <- ends(g, E(g), names = FALSE)
  got <- table(pair_key(ids[el[, 1]], ids[el[, 2]], d))
  exp <- table(pair_key(ex_ties$from, ex_ties$to, d))
  keys <- union(names(got), names(exp))
  count <- function(t) ifelse(is.na(t[keys]), 0, as.vector(t[keys]))
  wrong <- sum(abs(count(got) - count(exp)))
  report(paste0(prefix, "/direction"), wrong == 0, paste(wrong, "edges differ from the ties' from -> to"))
  for (f in setdiff(names(ex_ties), c("from", "to", "directed", "any_directed"))) {
    v <- edge_attr(g, f)
    report(paste0(prefix, "/type-", f), is.numeric(v) && all(is.na(v) | v == round(v)),
           paste("years read as", class(v)))
  }
  for (f in setdiff(names(ex_actors), "id")) {
    v <- vertex_attr(g, f)
    report(paste0(prefix, "/type-", f), is.double(v), paste("read as", class(v)))
  }
  # The actors' coordinates (issue 17): each actor's number, to 15 digits.
  for (f in intersect(c("lat", "lon"), names(ex_actors))) {
    want <- as.numeric(ex_actors[[f]])
    got <- vertex_attr(g, f)[match(ex_actors$id, ids)]
    bad <- sum(!is.na(want) & (is.na(got) | signif(got, 15) != signif(want, 15)))
    report(paste0(prefix, "/value-", f), bad == 0, paste(bad, "actors' coordinates differ"))
  }
  dist <- tryCatch(distances(g), error = function(e) conditionMessage(e))
  report(paste0(prefix, "/distances"), is.numeric(dist) && !any(is.nan(dist)),
         if (is.character(dist)) dist else "NaN distances")
  con <- constraint(g)
  report(paste0(prefix, "/constraint"), !any(is.nan(con[degree(g) > 0])),
         paste(sum(is.nan(con[degree(g) > 0])), "NaN constraints"))
}
# The graph's data frames as CSV tables (as_data_frame: vertices "name",
# the actor id, and "label"; with "id" too for a graph read from GraphML).
write_frames <- function(g, to) {
  dir.create(to, showWarnings = FALSE)
  write.csv(as_data_frame(g, "vertices"), file.path(to, "actors.csv"), row.names = FALSE, na = "",
            fileEncoding = "UTF-8")
  write.csv(as_data_frame(g, "edges"), file.path(to, "ties.csv"), row.names = FALSE, na = "",
            fileEncoding = "UTF-8")
}
for (name in args[-1]) {
  ex_actors <- read.csv(file.path(dir, paste0(name, ".expect-actors.csv")), na.strings = "",
                        colClasses = "character", encoding = "UTF-8")
  ex_ties <- read.csv(file.path(dir, paste0(name, ".expect-ties.csv")), na.strings = "",
                      colClasses = c(from = "character", to = "character"), encoding = "UTF-8")
  g <- tryCatch(read_graph(file.path(dir, paste0(name, ".graphml")), format = "graphml"),
                error = function(e) conditionMessage(e))
  if (is.character(g)) {
    report(paste0("graphml/r-igraph/", name, "/read"), FALSE, g)
  } else {
    check(paste0("graphml/r-igraph/", name), g, V(g)$id, ex_actors, ex_ties)
    write_graph(g, file.path(dir, paste0(name, ".r-igraph.graphml")), format = "graphml")
    write_frames(g, file.path(dir, paste0(name, ".r-igraph-gml-csv")))
  }
  # CSV, as docs/formats.md says: graph_from_data_frame on the two tables
  # as they are (every tie from -> to; actors.csv's label is the name).
  actors <- read.csv(file.path(dir, name, "actors.csv"), na.strings = "", encoding = "UTF-8")
  ties <- read.csv(file.path(dir, name, "ties.csv"), na.strings = "", encoding = "UTF-8")
  h <- tryCatch(graph_from_data_frame(ties, vertices = actors),
                error = function(e) conditionMessage(e))
  report(paste0("csv/r-igraph/", name, "/read"), !is.character(h), h)
  if (!is.character(h)) {
    ex_all <- transform(ex_ties, any_directed = TRUE)
    check(paste0("csv/r-igraph/", name), h, V(h)$name, ex_actors, ex_all, named = FALSE)
    write_frames(h, file.path(dir, paste0(name, ".r-igraph-csv")))
  }
}
