import { MasterDataAndProgram1732435200000 } from './1732435200000-MasterDataAndProgram.js';
import { Identity1732521600000 } from './1732521600000-Identity.js';
import { VersionedMasterData1732608000000 } from './1732608000000-VersionedMasterData.js';
import { FollowUpReporting1732694400000 } from './1732694400000-FollowUpReporting.js';
import { Review1732780800000 } from './1732780800000-Review.js';
import { Notifications1732867200000 } from './1732867200000-Notifications.js';
import { ReviewTruncateGuards1732953600000 } from './1732953600000-ReviewTruncateGuards.js';
import { Publication1733040000000 } from './1733040000000-Publication.js';
import { InsightRequests1733126400000 } from './1733126400000-InsightRequests.js';
import { PublicationNotifications1733212800000 } from './1733212800000-PublicationNotifications.js';
import { ConditionsVersions1733299200000 } from './1733299200000-ConditionsVersions.js';
import { LastResort1733385600000 } from './1733385600000-LastResort.js';
import { Compensation1733472000000 } from './1733472000000-Compensation.js';
import { FollowUpReports1733558400000 } from './1733558400000-FollowUpReports.js';

/** All migrations in order. New migrations are added at the end. */
export const migrations = [MasterDataAndProgram1732435200000, Identity1732521600000, VersionedMasterData1732608000000, FollowUpReporting1732694400000, Review1732780800000, Notifications1732867200000, ReviewTruncateGuards1732953600000, Publication1733040000000, InsightRequests1733126400000, PublicationNotifications1733212800000, ConditionsVersions1733299200000, LastResort1733385600000, Compensation1733472000000, FollowUpReports1733558400000];
