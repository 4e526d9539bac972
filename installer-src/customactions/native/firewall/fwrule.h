/*
 * One firewall rule as our scheduling half reads it from any of the three table generations and hands it to the
 * executing half (firewall.c schedules, fwrule.c applies). Numbers that a table leaves unset are FW_NOT_SET
 * (-2147483648, MSI_NULL_INTEGER, which WiX v5 writes as "-2147483648" into its formatted number columns).
 */
#ifndef SSPRKIT_FWRULE_H
#define SSPRKIT_FWRULE_H
#include "ca.h"
#include <netfw.h>

#define FW_NOT_SET (-2147483647 - 1)

/* Attributes bits (WiX v5 FirewallTableDefinitions: Vital=1 is the "ignore failures" bit of v3/v4 too). */
#define FW_IGNORE_FAILURES 0x1
#define FW_IGNORE_UPDATES  0x2
#define FW_ENABLE_ON_UPDATE 0x4
#define FW_NEEDS_RULE2 0x8
#define FW_NEEDS_RULE3 0x10

/* The text fields, in the order they travel in CustomActionData. */
enum fw_text {
    FW_NAME, FW_REMOTE_ADDRESSES, FW_LOCAL_PORTS, FW_PROGRAM, FW_DESCRIPTION, FW_GROUPING, FW_ICMP, FW_INTERFACES,
    FW_INTERFACE_TYPES, FW_LOCAL_ADDRESSES, FW_REMOTE_PORTS, FW_SERVICE, FW_PACKAGE_ID, FW_LOCAL_USERS, FW_LOCAL_OWNER,
    FW_REMOTE_MACHINES, FW_REMOTE_USERS, FW_TEXT_COUNT
};

/* The number fields, in the order they travel in CustomActionData. */
enum fw_number {
    FW_PROTOCOL, FW_ATTRIBUTES, FW_PROFILE, FW_DIRECTION, FW_ACTION, FW_EDGE, FW_ENABLED, FW_SECURE_FLAGS, FW_NUMBER_COUNT
};

typedef struct {
    WCHAR *text[FW_TEXT_COUNT];     /* never NULL once read: "" when empty */
    long long number[FW_NUMBER_COUNT];
} fw_rule_t;

/* Ranges each number may take (FW_NOT_SET is always allowed). */
extern const long long fw_number_min[FW_NUMBER_COUNT];
extern const long long fw_number_max[FW_NUMBER_COUNT];
extern const WCHAR *const fw_number_names[FW_NUMBER_COUNT];

void fw_rule_free(fw_rule_t *rule);

/* Appends one record: operation (1 add, 0 remove), then the numbers, then the texts. */
void fw_rule_put(cs_t *data, int op, const fw_rule_t *rule);
/* Reads one record; FALSE (r->failed) when malformed. */
BOOL fw_rule_get(cad_reader_t *r, int *op, fw_rule_t *rule);

#endif
