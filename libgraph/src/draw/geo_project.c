/* The Equal Earth projection, a map's frame and a segment clipped to a box
 * (geo.h): the leaf of the map's files, which the others call. */
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

static void unit(double lon, double lat, double v[3])
{
    v[0] = cos(lat * DEG) * cos(lon * DEG);
    v[1] = cos(lat * DEG) * sin(lon * DEG);
    v[2] = sin(lat * DEG);
}

#define STEP 2.0 /* degrees of arc between samples */

/* Spherical linear interpolation of the two points' unit vectors. */
size_t pn__geo_great_circle(double lon1, double lat1, double lon2, double lat2, double *lon,
                            double *lat)
{
    double u[3], v[3];
    unit(lon1, lat1, u);
    unit(lon2, lat2, v);
    double dot = fmax(-1.0, fmin(1.0, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
    double w = acos(dot);
    size_t steps = (size_t)ceil(w / DEG / STEP);
    steps = steps < 2 ? 2 : steps > PN__GEO_SAMPLES ? PN__GEO_SAMPLES : steps;
    for (size_t i = 0; i <= steps; i++) {
        double t = (double)i / (double)steps;
        if (sin(w) < 1e-9) { /* the same point, or antipodes: no one great circle */
            lon[i] = lon1 + t * (lon2 - lon1);
            lat[i] = lat1 + t * (lat2 - lat1);
            continue;
        }
        double s0 = sin((1 - t) * w) / sin(w), s1 = sin(t * w) / sin(w), q[3];
        for (int k = 0; k < 3; k++)
            q[k] = s0 * u[k] + s1 * v[k];
        lon[i] = atan2(q[1], q[0]) / DEG;
        lat[i] = atan2(q[2], hypot(q[0], q[1])) / DEG;
    }
    lon[0] = lon1; /* the actors' own coordinates, exactly */
    lat[0] = lat1;
    lon[steps] = lon2;
    lat[steps] = lat2;
    return steps + 1;
}

bool pn__geo_clip(double ax, double ay, double bx, double by, double x0, double y0, double x1,
                  double y1, double *t0, double *t1)
{
    double p[4] = {-(bx - ax), bx - ax, -(by - ay), by - ay};
    double q[4] = {ax - x0, x1 - ax, ay - y0, y1 - ay};
    *t0 = 0;
    *t1 = 1;
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        double r = q[i] / p[i];
        if (p[i] < 0)
            *t0 = fmax(*t0, r);
        else
            *t1 = fmin(*t1, r);
        if (*t0 > *t1)
            return false;
    }
    return true;
}
