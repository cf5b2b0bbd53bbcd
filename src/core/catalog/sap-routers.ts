/**
 * Hosts of SAP's own SAProuters on the support side of a route (sapserv1..9; sapserv3 is
 * 147.204.2.5 in Walldorf, sapserv2 194.39.131.34). A customer's `saprouter` route towards SAP
 * ends there; a route for one's own connections to the customer's systems never passes one.
 * Source: community descriptions of SAP's support routers (backbone facts, confidence C).
 */
export const SAP_ROUTER_HOSTS: readonly string[] = ['sapserv1', 'sapserv2', 'sapserv3', 'sapserv4', 'sapserv5', 'sapserv6', 'sapserv7', 'sapserv8', 'sapserv9', '147.204.2.5', '194.39.131.34'];
