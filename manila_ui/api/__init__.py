"""The dashboard's only door to Manila: small ``verb(request, ...)`` functions.

One module per resource (``shares``, ``share_types``, ``limits``...), plus
``client`` (one manilaclient per request), ``microversions`` (features by
name) and ``exceptions`` (for Horizon's error handling). Nothing outside this
package imports python-manilaclient.

Import the modules themselves: this package imports nothing eagerly, because
Horizon's enabled files import ``manila_ui.api.exceptions`` while settings
are still loading.
"""
