"""The hotel's property management system (PMS): the Mews Connector API driver
(:class:`~kiosk.backoffice.pms.mews.MewsConnector`) and its simulator
(``kiosk.backoffice.pms.sim``, ``kiosk sim pms``). The contract is
:mod:`kiosk.domain.hotel.pms`; docs/pms-api.md lists the Mews operations used.
"""
