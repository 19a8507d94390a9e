/* The Equal Earth projection and a map's frame (geo.h): the leaf of the
 * map's files, which the others call. */
#include <math.h>

#include "draw/geo.h"

/* Equal Earth's polynomial coefficients (Šavrič, Patterson, Jenny 2018). */
#define EE_A1 1.340264
#define EE_A2 (-0.081106)
#define EE_A3 0.000893
#define EE_A4 0.003796

#define DEG (3.14159265358979323846 / 180.0)
/* x = 2 sqrt(3) lambda cos(theta) / (3 (9 A4 theta^8 + 7 A3 theta^6 + 3 A2 theta^2 + A1)),
 * y = A4 theta^9 + A3 theta^7 + A2 theta^3 + A1 theta, sin(theta) = sqrt(3)/2 sin(phi). */
void pn__geo_project(double lon, double lat, double *x, double *y)
{
    double t = asin(sqrt(3.0) / 2.0 * sin(lat * DEG));
    double t2 = t * t, t6 = t2 * t2 * t2;
    *x = 2.0 * sqrt(3.0) * lon * DEG * cos(t) /
         (3.0 * (9.0 * EE_A4 * t6 * t2 + 7.0 * EE_A3 * t6 + 3.0 * EE_A2 * t2 + EE_A1));
    *y = t * (EE_A4 * t6 * t2 + EE_A3 * t6 + EE_A2 * t2 + EE_A1);
}

void pn__geo_point(const pn__geo_frame *f, double lon, double lat, double *x, double *y)
{
    pn__geo_project(lon, lat, x, y);
    *x = (*x - f->x0) * f->k;
    *y = (*y - f->y0) * f->k;
}
