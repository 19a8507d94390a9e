/* A program outside the project, built against an installed paranet with
 * pkg-config (tests/consumer/run.sh): prints the actor count of a dataset. */
#include <paranet.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    pn_diags *diags;
    pn_dataset *ds;
    int rc;

    if (argc != 2 || pn_diags_new(&diags) != 0)
        return 2;
    rc = pn_dataset_load_file(&ds, argv[1], NULL, diags);
    if (rc == 0) {
        printf("%zu\n", pn_dataset_actor_count(ds));
        pn_dataset_free(ds);
    }
    pn_diags_free(diags);
    return rc == 0 ? 0 : 1;
}
