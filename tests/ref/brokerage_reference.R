# Reference brokerage counts for tests/check_brokerage.c, from the R package
# sna 2.7 (Butts), brokerage() (Debian 12: apt-get install r-cran-sna).
# Column mapping, checked on single two-paths: w_I coordinator, w_O itinerant,
# b_OI gatekeeper (b and c in one group), b_IO representative (a and b in one
# group), b_O liaison. Not run by the tests: its output was pasted in.
suppressMessages(library(sna))
lines <- readLines(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "..", "data", "florentine.txt"))
lines <- trimws(lines)
k <- which(lines == "# ties")
fam <- lines[1:(k - 1)]; fam <- fam[fam != "" & !startsWith(fam, "#")]
ties <- lines[(k + 1):length(lines)]; ties <- ties[ties != "" & !startsWith(ties, "#")]
m <- matrix(0, length(fam), length(fam), dimnames = list(fam, fam))
for (t in strsplit(ties, " ")) { m[t[1], t[2]] <- 1; m[t[2], t[1]] <- 1 }
# Arbitrary test groups by initial letter: a-g 1, h-p 2, q-z 3.
g <- ifelse(substr(fam, 1, 1) <= "g", 1, ifelse(substr(fam, 1, 1) <= "p", 2, 3))
b <- brokerage(m, g)$raw.nli
cat("florentine (undirected, each tie both ways), rows in file order\n")
print(b[, c("w_I", "w_O", "b_OI", "b_IO", "b_O", "t")])
# A small directed graph.
d <- matrix(0, 6, 6)
for (e in list(c(1,2), c(2,3), c(3,1), c(3,4), c(4,5), c(5,4), c(5,6), c(2,6))) d[e[1], e[2]] <- 1
g6 <- c(1, 1, 2, 2, 3, 1)
cat("directed6, groups 1 1 2 2 3 1\n")
print(brokerage(d, g6)$raw.nli[, c("w_I", "w_O", "b_OI", "b_IO", "b_O", "t")])
