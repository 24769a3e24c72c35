import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CalendarEvent as _mindflow_command_v1_CalendarEvent, CalendarEvent__Output as _mindflow_command_v1_CalendarEvent__Output } from './mindflow/command/v1/CalendarEvent.js';
import type { CalendarEventResult as _mindflow_command_v1_CalendarEventResult, CalendarEventResult__Output as _mindflow_command_v1_CalendarEventResult__Output } from './mindflow/command/v1/CalendarEventResult.js';
import type { CancelEventRequest as _mindflow_command_v1_CancelEventRequest, CancelEventRequest__Output as _mindflow_command_v1_CancelEventRequest__Output } from './mindflow/command/v1/CancelEventRequest.js';
import type { CaptureThoughtRequest as _mindflow_command_v1_CaptureThoughtRequest, CaptureThoughtRequest__Output as _mindflow_command_v1_CaptureThoughtRequest__Output } from './mindflow/command/v1/CaptureThoughtRequest.js';
import type { CommandServiceClient as _mindflow_command_v1_CommandServiceClient, CommandServiceDefinition as _mindflow_command_v1_CommandServiceDefinition } from './mindflow/command/v1/CommandService.js';
import type { CompleteTaskRequest as _mindflow_command_v1_CompleteTaskRequest, CompleteTaskRequest__Output as _mindflow_command_v1_CompleteTaskRequest__Output } from './mindflow/command/v1/CompleteTaskRequest.js';
import type { CreateEntryInput as _mindflow_command_v1_CreateEntryInput, CreateEntryInput__Output as _mindflow_command_v1_CreateEntryInput__Output } from './mindflow/command/v1/CreateEntryInput.js';
import type { CreateEntryRequest as _mindflow_command_v1_CreateEntryRequest, CreateEntryRequest__Output as _mindflow_command_v1_CreateEntryRequest__Output } from './mindflow/command/v1/CreateEntryRequest.js';
import type { CreateJournalInput as _mindflow_command_v1_CreateJournalInput, CreateJournalInput__Output as _mindflow_command_v1_CreateJournalInput__Output } from './mindflow/command/v1/CreateJournalInput.js';
import type { CreateJournalRequest as _mindflow_command_v1_CreateJournalRequest, CreateJournalRequest__Output as _mindflow_command_v1_CreateJournalRequest__Output } from './mindflow/command/v1/CreateJournalRequest.js';
import type { CreateTaskInput as _mindflow_command_v1_CreateTaskInput, CreateTaskInput__Output as _mindflow_command_v1_CreateTaskInput__Output } from './mindflow/command/v1/CreateTaskInput.js';
import type { CreateTaskRequest as _mindflow_command_v1_CreateTaskRequest, CreateTaskRequest__Output as _mindflow_command_v1_CreateTaskRequest__Output } from './mindflow/command/v1/CreateTaskRequest.js';
import type { DeleteEntryRequest as _mindflow_command_v1_DeleteEntryRequest, DeleteEntryRequest__Output as _mindflow_command_v1_DeleteEntryRequest__Output } from './mindflow/command/v1/DeleteEntryRequest.js';
import type { DeleteJournalRequest as _mindflow_command_v1_DeleteJournalRequest, DeleteJournalRequest__Output as _mindflow_command_v1_DeleteJournalRequest__Output } from './mindflow/command/v1/DeleteJournalRequest.js';
import type { DeleteResult as _mindflow_command_v1_DeleteResult, DeleteResult__Output as _mindflow_command_v1_DeleteResult__Output } from './mindflow/command/v1/DeleteResult.js';
import type { DeleteTaskRequest as _mindflow_command_v1_DeleteTaskRequest, DeleteTaskRequest__Output as _mindflow_command_v1_DeleteTaskRequest__Output } from './mindflow/command/v1/DeleteTaskRequest.js';
import type { DeleteThoughtRequest as _mindflow_command_v1_DeleteThoughtRequest, DeleteThoughtRequest__Output as _mindflow_command_v1_DeleteThoughtRequest__Output } from './mindflow/command/v1/DeleteThoughtRequest.js';
import type { Entry as _mindflow_command_v1_Entry, Entry__Output as _mindflow_command_v1_Entry__Output } from './mindflow/command/v1/Entry.js';
import type { EntryResult as _mindflow_command_v1_EntryResult, EntryResult__Output as _mindflow_command_v1_EntryResult__Output } from './mindflow/command/v1/EntryResult.js';
import type { Journal as _mindflow_command_v1_Journal, Journal__Output as _mindflow_command_v1_Journal__Output } from './mindflow/command/v1/Journal.js';
import type { JournalResult as _mindflow_command_v1_JournalResult, JournalResult__Output as _mindflow_command_v1_JournalResult__Output } from './mindflow/command/v1/JournalResult.js';
import type { Mood as _mindflow_command_v1_Mood, Mood__Output as _mindflow_command_v1_Mood__Output } from './mindflow/command/v1/Mood.js';
import type { Priority as _mindflow_command_v1_Priority, Priority__Output as _mindflow_command_v1_Priority__Output } from './mindflow/command/v1/Priority.js';
import type { ReopenTaskRequest as _mindflow_command_v1_ReopenTaskRequest, ReopenTaskRequest__Output as _mindflow_command_v1_ReopenTaskRequest__Output } from './mindflow/command/v1/ReopenTaskRequest.js';
import type { ScheduleEventInput as _mindflow_command_v1_ScheduleEventInput, ScheduleEventInput__Output as _mindflow_command_v1_ScheduleEventInput__Output } from './mindflow/command/v1/ScheduleEventInput.js';
import type { ScheduleEventRequest as _mindflow_command_v1_ScheduleEventRequest, ScheduleEventRequest__Output as _mindflow_command_v1_ScheduleEventRequest__Output } from './mindflow/command/v1/ScheduleEventRequest.js';
import type { TagList as _mindflow_command_v1_TagList, TagList__Output as _mindflow_command_v1_TagList__Output } from './mindflow/command/v1/TagList.js';
import type { Task as _mindflow_command_v1_Task, Task__Output as _mindflow_command_v1_Task__Output } from './mindflow/command/v1/Task.js';
import type { TaskResult as _mindflow_command_v1_TaskResult, TaskResult__Output as _mindflow_command_v1_TaskResult__Output } from './mindflow/command/v1/TaskResult.js';
import type { Thought as _mindflow_command_v1_Thought, Thought__Output as _mindflow_command_v1_Thought__Output } from './mindflow/command/v1/Thought.js';
import type { ThoughtResult as _mindflow_command_v1_ThoughtResult, ThoughtResult__Output as _mindflow_command_v1_ThoughtResult__Output } from './mindflow/command/v1/ThoughtResult.js';
import type { UpdateEntryInput as _mindflow_command_v1_UpdateEntryInput, UpdateEntryInput__Output as _mindflow_command_v1_UpdateEntryInput__Output } from './mindflow/command/v1/UpdateEntryInput.js';
import type { UpdateEntryRequest as _mindflow_command_v1_UpdateEntryRequest, UpdateEntryRequest__Output as _mindflow_command_v1_UpdateEntryRequest__Output } from './mindflow/command/v1/UpdateEntryRequest.js';
import type { UpdateJournalInput as _mindflow_command_v1_UpdateJournalInput, UpdateJournalInput__Output as _mindflow_command_v1_UpdateJournalInput__Output } from './mindflow/command/v1/UpdateJournalInput.js';
import type { UpdateJournalRequest as _mindflow_command_v1_UpdateJournalRequest, UpdateJournalRequest__Output as _mindflow_command_v1_UpdateJournalRequest__Output } from './mindflow/command/v1/UpdateJournalRequest.js';
import type { UpdateTaskInput as _mindflow_command_v1_UpdateTaskInput, UpdateTaskInput__Output as _mindflow_command_v1_UpdateTaskInput__Output } from './mindflow/command/v1/UpdateTaskInput.js';
import type { UpdateTaskRequest as _mindflow_command_v1_UpdateTaskRequest, UpdateTaskRequest__Output as _mindflow_command_v1_UpdateTaskRequest__Output } from './mindflow/command/v1/UpdateTaskRequest.js';
import type { UpdateThoughtRequest as _mindflow_command_v1_UpdateThoughtRequest, UpdateThoughtRequest__Output as _mindflow_command_v1_UpdateThoughtRequest__Output } from './mindflow/command/v1/UpdateThoughtRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  mindflow: {
    command: {
      v1: {
        CalendarEvent: MessageTypeDefinition<_mindflow_command_v1_CalendarEvent, _mindflow_command_v1_CalendarEvent__Output>
        CalendarEventResult: MessageTypeDefinition<_mindflow_command_v1_CalendarEventResult, _mindflow_command_v1_CalendarEventResult__Output>
        CancelEventRequest: MessageTypeDefinition<_mindflow_command_v1_CancelEventRequest, _mindflow_command_v1_CancelEventRequest__Output>
        CaptureThoughtRequest: MessageTypeDefinition<_mindflow_command_v1_CaptureThoughtRequest, _mindflow_command_v1_CaptureThoughtRequest__Output>
        CommandService: SubtypeConstructor<typeof grpc.Client, _mindflow_command_v1_CommandServiceClient> & { service: _mindflow_command_v1_CommandServiceDefinition }
        CompleteTaskRequest: MessageTypeDefinition<_mindflow_command_v1_CompleteTaskRequest, _mindflow_command_v1_CompleteTaskRequest__Output>
        CreateEntryInput: MessageTypeDefinition<_mindflow_command_v1_CreateEntryInput, _mindflow_command_v1_CreateEntryInput__Output>
        CreateEntryRequest: MessageTypeDefinition<_mindflow_command_v1_CreateEntryRequest, _mindflow_command_v1_CreateEntryRequest__Output>
        CreateJournalInput: MessageTypeDefinition<_mindflow_command_v1_CreateJournalInput, _mindflow_command_v1_CreateJournalInput__Output>
        CreateJournalRequest: MessageTypeDefinition<_mindflow_command_v1_CreateJournalRequest, _mindflow_command_v1_CreateJournalRequest__Output>
        CreateTaskInput: MessageTypeDefinition<_mindflow_command_v1_CreateTaskInput, _mindflow_command_v1_CreateTaskInput__Output>
        CreateTaskRequest: MessageTypeDefinition<_mindflow_command_v1_CreateTaskRequest, _mindflow_command_v1_CreateTaskRequest__Output>
        DeleteEntryRequest: MessageTypeDefinition<_mindflow_command_v1_DeleteEntryRequest, _mindflow_command_v1_DeleteEntryRequest__Output>
        DeleteJournalRequest: MessageTypeDefinition<_mindflow_command_v1_DeleteJournalRequest, _mindflow_command_v1_DeleteJournalRequest__Output>
        DeleteResult: MessageTypeDefinition<_mindflow_command_v1_DeleteResult, _mindflow_command_v1_DeleteResult__Output>
        DeleteTaskRequest: MessageTypeDefinition<_mindflow_command_v1_DeleteTaskRequest, _mindflow_command_v1_DeleteTaskRequest__Output>
        DeleteThoughtRequest: MessageTypeDefinition<_mindflow_command_v1_DeleteThoughtRequest, _mindflow_command_v1_DeleteThoughtRequest__Output>
        Entry: MessageTypeDefinition<_mindflow_command_v1_Entry, _mindflow_command_v1_Entry__Output>
        EntryResult: MessageTypeDefinition<_mindflow_command_v1_EntryResult, _mindflow_command_v1_EntryResult__Output>
        Journal: MessageTypeDefinition<_mindflow_command_v1_Journal, _mindflow_command_v1_Journal__Output>
        JournalResult: MessageTypeDefinition<_mindflow_command_v1_JournalResult, _mindflow_command_v1_JournalResult__Output>
        Mood: MessageTypeDefinition<_mindflow_command_v1_Mood, _mindflow_command_v1_Mood__Output>
        Priority: MessageTypeDefinition<_mindflow_command_v1_Priority, _mindflow_command_v1_Priority__Output>
        ReopenTaskRequest: MessageTypeDefinition<_mindflow_command_v1_ReopenTaskRequest, _mindflow_command_v1_ReopenTaskRequest__Output>
        ScheduleEventInput: MessageTypeDefinition<_mindflow_command_v1_ScheduleEventInput, _mindflow_command_v1_ScheduleEventInput__Output>
        ScheduleEventRequest: MessageTypeDefinition<_mindflow_command_v1_ScheduleEventRequest, _mindflow_command_v1_ScheduleEventRequest__Output>
        TagList: MessageTypeDefinition<_mindflow_command_v1_TagList, _mindflow_command_v1_TagList__Output>
        Task: MessageTypeDefinition<_mindflow_command_v1_Task, _mindflow_command_v1_Task__Output>
        TaskResult: MessageTypeDefinition<_mindflow_command_v1_TaskResult, _mindflow_command_v1_TaskResult__Output>
        Thought: MessageTypeDefinition<_mindflow_command_v1_Thought, _mindflow_command_v1_Thought__Output>
        ThoughtResult: MessageTypeDefinition<_mindflow_command_v1_ThoughtResult, _mindflow_command_v1_ThoughtResult__Output>
        UpdateEntryInput: MessageTypeDefinition<_mindflow_command_v1_UpdateEntryInput, _mindflow_command_v1_UpdateEntryInput__Output>
        UpdateEntryRequest: MessageTypeDefinition<_mindflow_command_v1_UpdateEntryRequest, _mindflow_command_v1_UpdateEntryRequest__Output>
        UpdateJournalInput: MessageTypeDefinition<_mindflow_command_v1_UpdateJournalInput, _mindflow_command_v1_UpdateJournalInput__Output>
        UpdateJournalRequest: MessageTypeDefinition<_mindflow_command_v1_UpdateJournalRequest, _mindflow_command_v1_UpdateJournalRequest__Output>
        UpdateTaskInput: MessageTypeDefinition<_mindflow_command_v1_UpdateTaskInput, _mindflow_command_v1_UpdateTaskInput__Output>
        UpdateTaskRequest: MessageTypeDefinition<_mindflow_command_v1_UpdateTaskRequest, _mindflow_command_v1_UpdateTaskRequest__Output>
        UpdateThoughtRequest: MessageTypeDefinition<_mindflow_command_v1_UpdateThoughtRequest, _mindflow_command_v1_UpdateThoughtRequest__Output>
      }
    }
  }
}

